<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FolderOpener</name>
    <message>
        <location filename="../ui/folderopener.cpp" line="26"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/folderopener.cpp" line="32"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/folderopener.cpp" line="37"/>
        <source>No file manager could be started. The image is in this folder:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../ui/mainactions.cpp" line="37"/>
        <source>&amp;New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="38"/>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="39"/>
        <source>&amp;Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="40"/>
        <source>Save project &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="41"/>
        <source>&amp;Add image folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="43"/>
        <source>&amp;Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="44"/>
        <source>&amp;Find good settings and train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="46"/>
        <source>Find a &amp;learning rate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="47"/>
        <source>&amp;Check data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="48"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="49"/>
        <source>&amp;Resume stopped run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="51"/>
        <source>&amp;Export model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="52"/>
        <source>Export re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="53"/>
        <source>&amp;Download ImageNet weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="54"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="56"/>
        <source>Carry the stopped run on from where it stopped; it ends as if it had not been stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="57"/>
        <source>Train a classifier on the dataset with the current settings (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="58"/>
        <source>Try %1 classifier settings on the image features, keep the one that scores best on held-out images, train with it and make it the current settings (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="62"/>
        <source>Train briefly with rising learning rates and plot the loss: where it falls fastest is a good base rate for the current settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="64"/>
        <source>Find labels that look wrong, the same image twice and images unlike every class, from the cached features (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="66"/>
        <source>Write the last run&apos;s results, curves, mistakes and data health findings as one HTML page that opens in any browser, offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="68"/>
        <source>Stop the run; the previous results stay (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingRules</name>
    <message>
        <location filename="../core/training/settingrules.cpp" line="57"/>
        <source>the number of steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="58"/>
        <source>the number of epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="59"/>
        <source>the batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="60"/>
        <source>the base learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="61"/>
        <source>the minimum learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="62"/>
        <source>momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="63"/>
        <source>weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="64"/>
        <source>the spread floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="65"/>
        <source>the number of hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="66"/>
        <source>dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="67"/>
        <source>the evaluation interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="68"/>
        <source>the checkpoint interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="69"/>
        <source>the validation percentage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="70"/>
        <source>the test percentage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="71"/>
        <source>the fine-tuned blocks&apos; rate multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="72"/>
        <source>the rate decay per block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="105"/>
        <source>%1 must be from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="115"/>
        <source>%1 steps show each of the %2 training images about %3 times; %5 epochs would be %4 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="124"/>
        <source>Adam usually needs a 10 to 100 times smaller base learning rate than SGD: try 0.001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="160"/>
        <source>the minimum learning rate must not exceed the base learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="162"/>
        <source>momentum applies to SGD only: set it to 0 for Adam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="179"/>
        <source>the validation and test percentages must add up to less than 100, or no image is left for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="196"/>
        <source>fine-tuning trains the blocks below the bottleneck: keep the feature layer at bottleneck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="203"/>
        <source>finding good settings searches the classifier alone: switch fine-tuning off for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="210"/>
        <source>finding good settings scores undistorted images: switch augmentation off for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="214"/>
        <source>the whole network trains on images distorted afresh at every step (live augmentation): switch the cached distorted copies off for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="231"/>
        <source>class &apos;%1&apos; has no training images, so the classifier cannot learn it; lower the validation and test percentages or add images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="234"/>
        <source>class &apos;%1&apos; has no validation images; raise the validation percentage or add images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="237"/>
        <source>class &apos;%1&apos; has no test images, so its test accuracy cannot be measured; raise the test percentage or add images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../ui/userguide.cpp" line="29"/>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/userguide.cpp" line="30"/>
        <source>The user guide is not installed on this computer. The retrain-studio package puts it in /usr/share/doc/retrain-studio/user-guide.md; in the source it is docs/user-guide.md.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/userguide.cpp" line="44"/>
        <source>Retrain Studio user guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio_main.cpp" line="31"/>
        <source>Train an image classifier on your own images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="34"/>
        <source>InceptionV3 weights file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="37"/>
        <source>Use seeded random weights (for testing only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="40"/>
        <source>Where image features are cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="42"/>
        <source>A project file to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ClassTableModel</name>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="69"/>
        <source>Double-click to rename; untick to leave this class out of training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="70"/>
        <source>Left out of training: tick to include it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="121"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="122"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="123"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="124"/>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="125"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="126"/>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="127"/>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ConfusionModel</name>
    <message>
        <location filename="../ui/resultmodels.cpp" line="151"/>
        <source>True “%1”, predicted “%2”: images %3 (%4 % of the class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="163"/>
        <source>True class: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="164"/>
        <source>Predicted class: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::CurvePlot</name>
    <message>
        <location filename="../ui/curveplot.cpp" line="39"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="41"/>
        <location filename="../ui/curveplot.cpp" line="50"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="43"/>
        <source>accuracy %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="45"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="48"/>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="49"/>
        <source>validation loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="51"/>
        <source>training accuracy (batch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="52"/>
        <source>validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::DataHealthPage</name>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="36"/>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="38"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="42"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="51"/>
        <source>relabelled as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="53"/>
        <source>excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="57"/>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="64"/>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="66"/>
        <source>noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="70"/>
        <source>unlike every class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="94"/>
        <source>Select images, then relabel, exclude or mark them reviewed below. Fixes are kept in the project, not in your folders, and apply to the next training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="104"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="105"/>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="110"/>
        <source>&amp;Relabel as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="112"/>
        <source>E&amp;xclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="114"/>
        <source>Leave the selected images out of training, validation and test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="115"/>
        <source>Mark re&amp;viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="117"/>
        <source>The label is right: stop reporting the selected images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="118"/>
        <source>&amp;Undo last fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="159"/>
        <source>Not checked yet. Check data scores every image with classifiers that never saw it, from the cached features, to find labels that look wrong, the same image twice and images unlike every class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="168"/>
        <source>%1 images checked in %2 s: about %3 labels may be wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="173"/>
        <source>Labels that look wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="175"/>
        <source>looks like %1 (score %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="177"/>
        <source>Duplicate groups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="179"/>
        <source>exact copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="179"/>
        <source>near copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="181"/>
        <source>leak: in training and in validation or test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="183"/>
        <source>conflict: in more than one class</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datahealthpage.cpp" line="184"/>
        <source>%n images</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="189"/>
        <source>Outliers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="191"/>
        <source>%1 (score %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="262"/>
        <source>No fixes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="263"/>
        <source>Fixes kept in the project, applied to the next training: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::DatasetPage</name>
    <message>
        <location filename="../ui/datasetpage.cpp" line="46"/>
        <source>&amp;Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="48"/>
        <source>&amp;Remove class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="68"/>
        <source>Share of each class held out to watch for overfitting while training. Too little gives a noisy validation curve; too much takes images from training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="72"/>
        <source>Share of each class kept aside for the final accuracy, never seen in training. Too little makes the reported accuracy unreliable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="77"/>
        <source>file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="78"/>
        <source>retrain.py path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="80"/>
        <source>What decides an image&apos;s set. File name: a hash of the file&apos;s name, so an image keeps its set when folders are moved or renamed. retrain.py path: a hash of the path TensorFlow&apos;s retrain.py hashes (the class folder&apos;s full path, then the file name), to compare with a retrain.py run whose --image_dir is that folder&apos;s absolute path; only *.jpg, *.jpeg, *.JPG, *.JPEG and *.png files directly in a class folder are then used, as retrain.py collects them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="86"/>
        <source>&amp;Validation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="90"/>
        <source>&amp;Test:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="94"/>
        <source>Split &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="234"/>
        <source>Add a folder of images or of class folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="257"/>
        <source>Classes to train on: %1 · images: %2 (training %3, validation %4, test %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="264"/>
        <source>Reading folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="278"/>
        <source>“%1” is small (images: %2); %3 or more give a more reliable classifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="290"/>
        <source>Files skipped: %1 (listed below with the reason).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::DatasetWelcome</name>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="49"/>
        <source>Drop class folders here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="56"/>
        <source>One folder per class, named after the class, or a folder holding them. A few hundred images per class are plenty; any size and format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="60"/>
        <source>&amp;Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="61"/>
        <source>Try the &amp;sample images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="62"/>
        <source>Ten classes of clothing photos from Fashion-MNIST, to see how training works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="68"/>
        <source>&amp;Download (104 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="69"/>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="70"/>
        <source>&amp;Untrained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="71"/>
        <source>Random weights: the tool works, but the classifier learns little. For trying it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="96"/>
        <source>Training needs them: get them now, or when you press Start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::EmbeddingMap</name>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="49"/>
        <source>Each point is an image, placed near the images its features find alike. Hover to see it; draw around points to select them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="74"/>
        <source>test mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="76"/>
        <source>audit finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="78"/>
        <source>selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::FieldProblems</name>
    <message>
        <location filename="../ui/fieldproblems.cpp" line="82"/>
        <source>%1 was not taken: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::GalleryModel</name>
    <message>
        <location filename="../ui/gallerymodel.cpp" line="29"/>
        <source>%1 → %2
%3 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ImageViewer</name>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>No heat map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>Where it saw the predicted class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>Where it saw the true class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="60"/>
        <source>Grad-CAM: the parts of the image that raised the class&apos;s score most, from the network&apos;s last block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="62"/>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="65"/>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="98"/>
        <source>%1 %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="99"/>
        <source>True class: %1 · predicted: %2
Likeliest: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::Job</name>
    <message>
        <location filename="../ui/job.cpp" line="71"/>
        <source>an unknown error stopped the work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::LanguageMenu</name>
    <message>
        <location filename="../ui/languagemenu.cpp" line="11"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/languagemenu.cpp" line="16"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Retrain Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="382"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118"/>
        <source>&amp;1 Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>&amp;2 Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>&amp;3 Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>&amp;4 Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>&amp;5 Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;6 Data health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>Test accuracy %1 % on %2 test images after %3 steps; the Results page has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="266"/>
        <source>Results of the run that ended at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="267"/>
        <source>Results of the last run, as saved with the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Cannot find settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Cannot find a learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="32"/>
        <source>Cannot check the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="38"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="43"/>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="44"/>
        <source>Web pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="58"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="60"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="69"/>
        <source>&amp;Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="72"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="73"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="89"/>
        <source>&amp;About Retrain Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="90"/>
        <source>About Retrain Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="91"/>
        <source>&lt;p&gt;&lt;b&gt;Retrain Studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trains an image classifier on your own images by transfer learning from an ImageNet-trained InceptionV3, without Python.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="96"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="249"/>
        <source>Not started. Add classes on the Dataset page, then press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="282"/>
        <source>Train a classifier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>This project holds the last run&apos;s report, not its model: press Start to train again (features already computed come from the cache).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>The last run, as saved with the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Cannot start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Export the model to a new folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::MetricsModel</name>
    <message>
        <location filename="../ui/resultmodels.cpp" line="55"/>
        <source>n/a: no test image was predicted as this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="56"/>
        <source>n/a: this class has no test images (the split put none of its images in the test set; add images or raise the test percentage).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="63"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="80"/>
        <source>Of the test images predicted as this class, the share that really are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="81"/>
        <source>Of the test images of this class, the share found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="82"/>
        <source>The harmonic mean of precision and recall.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="83"/>
        <source>Test images of this class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="90"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="91"/>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="92"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="93"/>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="94"/>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::PredictPage</name>
    <message>
        <location filename="../ui/predictpage.cpp" line="38"/>
        <source>&amp;Choose images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="40"/>
        <source>Choose a &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="42"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="49"/>
        <source>Drop images or folders here to classify them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="67"/>
        <source>Folder of images to classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="73"/>
        <source>Train a classifier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="81"/>
        <source>Classes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="91"/>
        <source>No image among what was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="94"/>
        <source>Classifying images: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="120"/>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="121"/>
        <source>Images to classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="148"/>
        <source>Classification failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="167"/>
        <source>Images classified: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="169"/>
        <source>Not readable:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ProjectFiles</name>
    <message>
        <location filename="../ui/projectfiles.cpp" line="59"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="17"/>
        <source>Retrain Studio projects (*.rsproject);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="67"/>
        <location filename="../ui/projectfiles.cpp" line="74"/>
        <source>Cannot open the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="67"/>
        <source>Stop the training run first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="90"/>
        <source>Cannot save the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="95"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="106"/>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="118"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="118"/>
        <source>Save the changes to this project first?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::RateFinderDialog</name>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="15"/>
        <source>Find a learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="25"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="26"/>
        <source>training loss (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="62"/>
        <source>The loss falls fastest at a learning rate of %1 (dashed line): a good base rate. It is lowest at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="67"/>
        <source>Above %1 it blows up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="69"/>
        <source>Use %1 as the base rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::RatePreview</name>
    <message>
        <location filename="../ui/ratepreview.cpp" line="14"/>
        <source>The learning rate at each step of the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratepreview.cpp" line="17"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/ratepreview.cpp" line="18"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ReliabilityPlot</name>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="12"/>
        <source>confidence %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="13"/>
        <location filename="../ui/reliabilityplot.cpp" line="21"/>
        <source>right %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="39"/>
        <source>Not calibrated (no validation images, or calibration switched off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="41"/>
        <source>%1 validation images · already calibrated (temperature %2 gains no more than chance)
calibration error %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="47"/>
        <source>%1 validation images · temperature %2
calibration error %3 % → %4 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::ResultsPage</name>
    <message>
        <location filename="../ui/resultspage.cpp" line="68"/>
        <location filename="../ui/resultspage.cpp" line="213"/>
        <source>No results yet: train a classifier first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="82"/>
        <source>Files of the last run that were not trained on, each with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="93"/>
        <source>Rows: true class; columns: predicted class. Click a cell to see its images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="100"/>
        <source>How often the classifier was right against how sure it was, on the validation images: bars on the diagonal mean its percentages can be taken at their word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="103"/>
        <source>Misclassified test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="106"/>
        <source>All &amp;misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="108"/>
        <source>Show in &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="123"/>
        <source>Thumbnail size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="132"/>
        <source>Double-click an image to see it large, with where the network looked; right-click to relabel, exclude or mark it reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="151"/>
        <source>Per class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="153"/>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="165"/>
        <source>Reliability of the probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="184"/>
        <source>Files skipped in this run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="200"/>
        <source>Test accuracy %1 % · balanced accuracy %2 % · test images: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="223"/>
        <source>“%1” recognised: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="224"/>
        <source>“%1” taken for “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="234"/>
        <source>Misclassified test images: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="249"/>
        <source>&amp;Relabel as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="256"/>
        <source>E&amp;xclude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="257"/>
        <source>Mark re&amp;viewed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::Session</name>
    <message>
        <location filename="../ui/session.cpp" line="66"/>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="67"/>
        <source>Training failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="70"/>
        <source>Stopped. The previous run&apos;s results are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="70"/>
        <source>Stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="72"/>
        <source>Resume carries the run on from where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="83"/>
        <source>The classifier was not kept with the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="87"/>
        <source>The classifier kept with the project was not loaded (%1): Start trains it again, with the features from the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="91"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="95"/>
        <source>No sample images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="96"/>
        <source>%1
The sample images come from Debian&apos;s dataset-fashion-mnist package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="101"/>
        <source>Report not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="112"/>
        <source>No heat map: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="14"/>
        <source>The folders are still being read; start again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="16"/>
        <source>Training needs at least two classes with images. Drop folders on the Dataset page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="86"/>
        <source>Loading the InceptionV3 weights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="104"/>
        <source>Computing image features in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="128"/>
        <source>Training the classifier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="128"/>
        <source>Trying settings on the features…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="134"/>
        <source>Trying settings on the features: %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="135"/>
        <source>Training the classifier with the best settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="151"/>
        <location filename="../ui/sessionruns.cpp" line="172"/>
        <source>Reading the dataset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="181"/>
        <source>Training with rising learning rates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="185"/>
        <source>Done: the loss falls fastest at a learning rate of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="195"/>
        <source>Checking the data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="199"/>
        <source>Checking the data: step %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="208"/>
        <source>Done: %1 labels look wrong, %2 groups of duplicates, %3 outliers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="228"/>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="233"/>
        <source>Done: test accuracy %1 %, steps: %2 (features %3 s, training %4 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="62"/>
        <source>The last run&apos;s classifier is loaded: Predict and Export work without training again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="73"/>
        <source>Loading the last run&apos;s classifier…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="144"/>
        <source>Exported the model to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="147"/>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="266"/>
        <source>Writing the sample images to %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::SettingsPage</name>
    <message>
        <location filename="../ui/settingsform.cpp" line="76"/>
        <source>Set the training length in steps (one batch each) or in epochs (every training image seen once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="77"/>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="77"/>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="79"/>
        <source>How many batches the classifier learns from. Too few and it stops before it has learnt; too many mostly costs time, and can overfit a small dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="83"/>
        <source>How many times each training image is seen. Too few and the classifier has not learnt; too many can overfit a small dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="89"/>
        <source>Images per learning step. Small batches give noisy but quick steps; large ones smooth steps that cost more each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="92"/>
        <source>all images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="93"/>
        <source>Learn from every training image in every step: the steadiest curve, slow on large datasets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="96"/>
        <source>How big the first learning steps are. Too high and the loss jumps about or grows; too low and learning crawls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="99"/>
        <source>The rate the schedule decays towards: small steps at the end fine-tune the result. It cannot be above the base rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="108"/>
        <source>How the learning rate changes from the base rate towards the minimum over the run; the plot below shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="119"/>
        <source>SGD is the classic recipe; Adam adapts the step size per weight and often needs a 10 to 100 times smaller rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="123"/>
        <source>SGD only: how much of the previous step carries into the next. 0.9 speeds learning up; close to 1 it overshoots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="130"/>
        <source>0 trains one layer on the image features (the classic recipe). A hidden layer can fit harder problems but overfits small datasets more easily.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="134"/>
        <source>Share of features hidden at random in each step, against overfitting. Too high and the classifier cannot learn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="159"/>
        <source>For classes of very different sizes, so that small classes are not drowned out by large ones: draw every class equally often, or weight each class&apos;s errors by its rarity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>as the images come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>draw classes equally often</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>weight classes by rarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="174"/>
        <source>Train only the classifier on top (fast), or also the top blocks of InceptionV3 (Mixed_7b is Keras&apos;s fine-tuning recipe), or the whole network on images distorted afresh at every step, as PyTorch&apos;s transfer-learning recipe does. Fine-tuning can fit unusual images better, but each step is far slower: use a few epochs, not thousands of steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="181"/>
        <source>the whole network, on images distorted as it trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="190"/>
        <source>Each block below the top one learns at this fraction of the rate of the block above it (1: all at the same rate). The lower blocks see edges and textures that suit most images; a decay below 1 changes them less than the top ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="196"/>
        <source>each block below ×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="202"/>
        <source>At every step, train on a random part of each image (8 % to 100 % of its area, as torchvision&apos;s RandomResizedCrop does), enlarged to the network&apos;s input. Off: the whole image, as predictions see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="206"/>
        <source>At every step, mirror each image left to right at random. Leave it off when mirrored images mean something else (text, left and right hands).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="209"/>
        <source>At every step, make each image brighter or darker at random by up to this much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="211"/>
        <source>At every step, raise or lower each image&apos;s contrast at random by up to this much.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="213"/>
        <source>contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="236"/>
        <source>The number format InceptionV3 computes image features in. bfloat16 is about twice as fast on processors made for it (AVX512_BF16, AMX), and its features stay within 0.01 % of float32&apos;s; elsewhere it is slower. int8 is about twice as fast again: it measures its ranges on 16 of your training images first, and its features stay within 0.03 % of float32&apos;s (median); predictions of single images stay in float. The classifier always trains in float32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="268"/>
        <source>Class &amp;balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="163"/>
        <source>The same seed, data and settings train the same classifier; change it to see how much results vary by chance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="111"/>
        <source>exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="112"/>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="113"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="114"/>
        <source>cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="115"/>
        <source>geometric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="139"/>
        <source>Pulls the classifier&apos;s weights towards zero a little at every step, against overfitting a small dataset. Too much and it cannot fit at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="144"/>
        <source>standardise features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="145"/>
        <source>Train on features scaled to the same spread in every dimension, so the learning rate suits any backbone. The exported classifier still takes the network&apos;s own features. Off: the classic recipe, on the features as they come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="148"/>
        <source>keep the best validation point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="149"/>
        <source>End with the classifier as it was when its validation loss was lowest, not as it was at the last step, which may have started to overfit. Needs validation images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="151"/>
        <source>calibrate probabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="152"/>
        <source>After training, rescale the classifier&apos;s confidence on the validation images so that &quot;90 %&quot; is right about nine times in ten. Never changes which class is predicted. Needs validation images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="167"/>
        <source>Where in InceptionV3 the image features are taken. The bottleneck (2048 numbers) suits most photos; earlier layers keep simpler shapes and textures, for images unlike ImageNet&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="178"/>
        <source>the classifier only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="180"/>
        <source>the classifier and the blocks from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="184"/>
        <source>The fine-tuned blocks learn at this fraction of the classifier&apos;s rate. Too high and they forget what ImageNet taught them; too low and they barely change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="198"/>
        <source>update BatchNorm statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="199"/>
        <source>Off (recommended): BatchNorm keeps ImageNet&apos;s statistics, which small batches would only make noisy. On: it uses each batch&apos;s statistics and updates its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="216"/>
        <source>Distorted copies made of each training image (0: none). More copies teach the classifier to ignore position, size and lighting, but each costs one more pass of the network over the training images, once: their features are cached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="205"/>
        <location filename="../ui/settingsform.cpp" line="220"/>
        <source>mirror</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="221"/>
        <source>Mirror copies left to right at random. Leave it off when mirrored images mean something else (text, left and right hands).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="224"/>
        <source>Crop copies at a random place after adding this margin. Too much and objects are cut off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="226"/>
        <source>Enlarge copies at random by up to this much. Too much and only parts of objects remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="228"/>
        <source>Make copies brighter or darker at random by up to this much. Too much and details wash out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="201"/>
        <location filename="../ui/settingsform.cpp" line="230"/>
        <source>crop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="231"/>
        <source>scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="212"/>
        <location filename="../ui/settingsform.cpp" line="232"/>
        <source>brightness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="242"/>
        <source>automatic (%1 on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="255"/>
        <source>Training &amp;length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="257"/>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="258"/>
        <source>Base learning &amp;rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="259"/>
        <source>M&amp;inimum learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="260"/>
        <source>&amp;Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="261"/>
        <source>&amp;Optimizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="262"/>
        <source>&amp;Momentum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="263"/>
        <source>&amp;Hidden units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="264"/>
        <source>&amp;weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="266"/>
        <source>&amp;Dropout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="267"/>
        <source>Con&amp;vergence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="269"/>
        <source>S&amp;eed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="270"/>
        <source>&amp;Feature layer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="271"/>
        <source>&amp;Train:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="272"/>
        <source>Blocks&apos; rate ×:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="273"/>
        <source>Augment each ste&amp;p:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="275"/>
        <source>&amp;Augmented copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="276"/>
        <source>&amp;ImageNet weights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="277"/>
        <source>&amp;Compute in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="278"/>
        <source>Learning rate over the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>(add images to see it in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="233"/>
        <source>= steps: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="235"/>
        <source>≈ %1 epochs (training images: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="240"/>
        <source>no fewer than the training images (%1): every step uses all of them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::TrainingPage</name>
    <message>
        <location filename="../ui/trainingpage.cpp" line="37"/>
        <source>Not started. Add classes on the Dataset page, then press Start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="45"/>
        <location filename="../ui/trainingpage.cpp" line="118"/>
        <location filename="../ui/trainingpage.cpp" line="233"/>
        <source>%v of %m images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="108"/>
        <source>The curves start once the image features are computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="124"/>
        <source>This run started at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="125"/>
        <source>This run started at %1; the curves below are the last training&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="135"/>
        <source>Images: %1 · classes: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="152"/>
        <source>%1 images/s · %2 left · %3 from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="162"/>
        <location filename="../ui/trainingpage.cpp" line="233"/>
        <source>step %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="173"/>
        <source>Resumed at %2: the curves up to step %1 are the stopped run&apos;s, this run carries them on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="181"/>
        <source>%1 steps/s · %2 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="184"/>
        <source>training loss %1 · learning rate %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="186"/>
        <source> · validation loss %1 · validation accuracy %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="193"/>
        <source>Validation loss has risen since step %1 while training loss goes on falling: the classifier is overfitting, learning its training images rather than the classes. Keeping the best validation point keeps step %1&apos;s classifier; fewer steps, more dropout or weight decay, or more images help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="208"/>
        <source>%v of %m settings tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="218"/>
        <source>%v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="224"/>
        <source>No run yet: the next run&apos;s curves appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="243"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="243"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="244"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::TrialTable</name>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Held-out accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="43"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="49"/>
        <source>standardised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="49"/>
        <source>raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="65"/>
        <source>%1 (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::WeightsField</name>
    <message>
        <location filename="../ui/weightsfield.cpp" line="21"/>
        <source>torchvision&apos;s ImageNet-trained InceptionV3 file (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="24"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="66"/>
        <source>random weights, seed %1 (for testing only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="75"/>
        <source>InceptionV3 weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="76"/>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rs::WeightsPrompt</name>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="18"/>
        <source>Random weights (seed %1): for testing only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="20"/>
        <source>No ImageNet weights found at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="25"/>
        <source>ImageNet weights needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="26"/>
        <source>Training starts from InceptionV3 trained on ImageNet, and its weights file was not found at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="28"/>
        <source>Download it from PyTorch (about 104 MB, shared with Python&apos;s torchvision), choose a copy you have, or go on with untrained weights, which only show how the tool works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="30"/>
        <source>&amp;Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="41"/>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="42"/>
        <source>&amp;Untrained weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="52"/>
        <source>Untrained weights (seed 0): results show how the tool works, not what it can do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="63"/>
        <source>Downloading the ImageNet weights from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="63"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="66"/>
        <source>ImageNet weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="79"/>
        <source>Downloading the ImageNet weights: %1 of %2 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="92"/>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="93"/>
        <source>Without a connection to %1: choose a copy of %2 you have, or run “retrain-cli download-weights” on a connected computer and copy the file it saves into %3 on this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="96"/>
        <source>Try &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="20"/>
        <location filename="../ui/weightsprompt.cpp" line="89"/>
        <source>ImageNet weights: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
