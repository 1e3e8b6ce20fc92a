<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FolderOpener</name>
    <message>
        <location filename="../ui/folderopener.cpp" line="26"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../ui/folderopener.cpp" line="32"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/folderopener.cpp" line="37"/>
        <source>No file manager could be started. The image is in this folder:</source>
        <translation>无法启动文件管理器。图像位于此文件夹：</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <location filename="../ui/mainactions.cpp" line="37"/>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="38"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="39"/>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="40"/>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="41"/>
        <source>&amp;Add image folder…</source>
        <translation>添加图像文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="43"/>
        <source>&amp;Start training</source>
        <translation>开始训练(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="44"/>
        <source>&amp;Find good settings and train</source>
        <translation>寻找合适的设置并训练(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="46"/>
        <source>Find a &amp;learning rate…</source>
        <translation>寻找学习率(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="47"/>
        <source>&amp;Check data</source>
        <translation>检查数据(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="48"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="49"/>
        <source>&amp;Resume stopped run</source>
        <translation>继续已停止的训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="51"/>
        <source>&amp;Export model…</source>
        <translation>导出模型(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="52"/>
        <source>Export re&amp;port…</source>
        <translation>导出报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="53"/>
        <source>&amp;Download ImageNet weights…</source>
        <translation>下载 ImageNet 权重(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="54"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="56"/>
        <source>Carry the stopped run on from where it stopped; it ends as if it had not been stopped</source>
        <translation>从停止处继续训练；最终结果与未中断时相同</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="57"/>
        <source>Train a classifier on the dataset with the current settings (%1)</source>
        <translation>用当前设置在数据集上训练分类器（%1）</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="58"/>
        <source>Try %1 classifier settings on the image features, keep the one that scores best on held-out images, train with it and make it the current settings (%2)</source>
        <translation>在图像特征上试验 %1 组分类器设置，保留在留出图像上得分最高的一组，用它训练并设为当前设置（%2）</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="62"/>
        <source>Train briefly with rising learning rates and plot the loss: where it falls fastest is a good base rate for the current settings</source>
        <translation>以逐步升高的学习率短暂训练并绘出损失：损失下降最快处是当前设置的合适基础学习率</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="64"/>
        <source>Find labels that look wrong, the same image twice and images unlike every class, from the cached features (%1)</source>
        <translation>根据缓存的特征，找出看起来标错的标签、重复的图像以及不像任何类别的图像（%1）</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="66"/>
        <source>Write the last run&apos;s results, curves, mistakes and data health findings as one HTML page that opens in any browser, offline</source>
        <translation>把上次训练的结果、曲线、错误分类和数据健康发现写成一个 HTML 页面，可在任何浏览器中离线打开</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="68"/>
        <source>Stop the run; the previous results stay (%1)</source>
        <translation>停止训练；之前的结果保留（%1）</translation>
    </message>
</context>
<context>
    <name>SettingRules</name>
    <message>
        <location filename="../core/training/settingrules.cpp" line="57"/>
        <source>the number of steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="58"/>
        <source>the number of epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="59"/>
        <source>the batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="60"/>
        <source>the base learning rate</source>
        <translation>基础学习率</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="61"/>
        <source>the minimum learning rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="62"/>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="63"/>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="64"/>
        <source>the spread floor</source>
        <translation>离散度下限</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="65"/>
        <source>the number of hidden units</source>
        <translation>隐藏单元数</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="66"/>
        <source>dropout</source>
        <translation>dropout 比例</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="67"/>
        <source>the evaluation interval</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="68"/>
        <source>the checkpoint interval</source>
        <translation>检查点间隔</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="69"/>
        <source>the validation percentage</source>
        <translation>验证集百分比</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="70"/>
        <source>the test percentage</source>
        <translation>测试集百分比</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="71"/>
        <source>the fine-tuned blocks&apos; rate multiplier</source>
        <translation>微调模块的学习率倍数</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="72"/>
        <source>the rate decay per block</source>
        <translation>每个模块的学习率衰减</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="105"/>
        <source>%1 must be from %2 to %3</source>
        <translation>%1 必须在 %2 到 %3 之间</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="115"/>
        <source>%1 steps show each of the %2 training images about %3 times; %5 epochs would be %4 steps</source>
        <translation>%1 步会让 %2 张训练图像每张被看约 %3 次；%5 个轮次即 %4 步</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="124"/>
        <source>Adam usually needs a 10 to 100 times smaller base learning rate than SGD: try 0.001</source>
        <translation>Adam 的基础学习率通常需要比 SGD 小 10 到 100 倍：试试 0.001</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="160"/>
        <source>the minimum learning rate must not exceed the base learning rate</source>
        <translation>最小学习率不能超过基础学习率</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="162"/>
        <source>momentum applies to SGD only: set it to 0 for Adam</source>
        <translation>动量只适用于 SGD：使用 Adam 时请设为 0</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="179"/>
        <source>the validation and test percentages must add up to less than 100, or no image is left for training</source>
        <translation>验证集和测试集百分比之和必须小于 100，否则没有图像留给训练</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="196"/>
        <source>fine-tuning trains the blocks below the bottleneck: keep the feature layer at bottleneck</source>
        <translation>微调训练的是瓶颈层以下的模块：请将特征层保持为 bottleneck</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="203"/>
        <source>finding good settings searches the classifier alone: switch fine-tuning off for it</source>
        <translation>寻找设置只搜索分类器本身：请为此关闭微调</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="210"/>
        <source>finding good settings scores undistorted images: switch augmentation off for it</source>
        <translation>寻找设置用未变形的图像评分：请为此关闭数据增强</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="214"/>
        <source>the whole network trains on images distorted afresh at every step (live augmentation): switch the cached distorted copies off for it</source>
        <translation>整个网络在每一步都用重新随机变形的图像训练（实时增强）：请为此关闭缓存的变形副本</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="231"/>
        <source>class &apos;%1&apos; has no training images, so the classifier cannot learn it; lower the validation and test percentages or add images</source>
        <translation>类别“%1”没有训练图像，分类器无法学习它；请降低验证和测试百分比，或添加图像</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="234"/>
        <source>class &apos;%1&apos; has no validation images; raise the validation percentage or add images</source>
        <translation>类别“%1”没有验证图像；请提高验证百分比，或添加图像</translation>
    </message>
    <message>
        <location filename="../core/training/settingrules.cpp" line="237"/>
        <source>class &apos;%1&apos; has no test images, so its test accuracy cannot be measured; raise the test percentage or add images</source>
        <translation>类别“%1”没有测试图像，无法衡量其测试准确率；请提高测试百分比，或添加图像</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <location filename="../ui/userguide.cpp" line="29"/>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <location filename="../ui/userguide.cpp" line="30"/>
        <source>The user guide is not installed on this computer. The retrain-studio package puts it in /usr/share/doc/retrain-studio/user-guide.md; in the source it is docs/user-guide.md.</source>
        <translation>此计算机上未安装用户指南。retrain-studio 软件包将其安装在 /usr/share/doc/retrain-studio/user-guide.md；在源代码中它是 docs/user-guide.md。</translation>
    </message>
    <message>
        <location filename="../ui/userguide.cpp" line="44"/>
        <source>Retrain Studio user guide</source>
        <translation>Retrain Studio 用户指南</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio_main.cpp" line="31"/>
        <source>Train an image classifier on your own images.</source>
        <translation>用你自己的图像训练图像分类器。</translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="34"/>
        <source>InceptionV3 weights file.</source>
        <translation>InceptionV3 权重文件。</translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="37"/>
        <source>Use seeded random weights (for testing only).</source>
        <translation>使用带种子的随机权重（仅供测试）。</translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="40"/>
        <source>Where image features are cached.</source>
        <translation>图像特征的缓存位置。</translation>
    </message>
    <message>
        <location filename="../app/studio_main.cpp" line="42"/>
        <source>A project file to open.</source>
        <translation>要打开的项目文件。</translation>
    </message>
</context>
<context>
    <name>rs::ClassTableModel</name>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="69"/>
        <source>Double-click to rename; untick to leave this class out of training.</source>
        <translation>双击可重命名；取消勾选则该类别不参与训练。</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="70"/>
        <source>Left out of training: tick to include it again.</source>
        <translation>不参与训练：勾选以重新包含。</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="121"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="122"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="123"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="124"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="125"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="126"/>
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../ui/classtablemodel.cpp" line="127"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>rs::ConfusionModel</name>
    <message>
        <location filename="../ui/resultmodels.cpp" line="151"/>
        <source>True “%1”, predicted “%2”: images %3 (%4 % of the class)</source>
        <translation>真实“%1”，预测为“%2”：%3 张图像（占该类别的 %4 %）</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="163"/>
        <source>True class: %1</source>
        <translation>真实类别：%1</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="164"/>
        <source>Predicted class: %1</source>
        <translation>预测类别：%1</translation>
    </message>
</context>
<context>
    <name>rs::CurvePlot</name>
    <message>
        <location filename="../ui/curveplot.cpp" line="39"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="41"/>
        <location filename="../ui/curveplot.cpp" line="50"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="43"/>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="45"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="48"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="49"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="51"/>
        <source>training accuracy (batch)</source>
        <translation>训练准确率（批次）</translation>
    </message>
    <message>
        <location filename="../ui/curveplot.cpp" line="52"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
</context>
<context>
    <name>rs::DataHealthPage</name>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="36"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="38"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="42"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="51"/>
        <source>relabelled as %1</source>
        <translation>已改标为 %1</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="53"/>
        <source>excluded</source>
        <translation>已排除</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="57"/>
        <source>reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="64"/>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="66"/>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="70"/>
        <source>unlike every class</source>
        <translation>不像任何类别</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="88"/>
        <source>Fix</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="94"/>
        <source>Select images, then relabel, exclude or mark them reviewed below. Fixes are kept in the project, not in your folders, and apply to the next training.</source>
        <translation>选择图像，然后在下方改标、排除或标记为已复核。修正保存在项目中，不改动你的文件夹，并在下次训练时生效。</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="104"/>
        <source>Findings</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="105"/>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="110"/>
        <source>&amp;Relabel as</source>
        <translation>改标为(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="112"/>
        <source>E&amp;xclude</source>
        <translation>排除(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="114"/>
        <source>Leave the selected images out of training, validation and test</source>
        <translation>让所选图像不参与训练、验证和测试</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="115"/>
        <source>Mark re&amp;viewed</source>
        <translation>标记为已复核(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="117"/>
        <source>The label is right: stop reporting the selected images</source>
        <translation>标签正确：不再报告所选图像</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="118"/>
        <source>&amp;Undo last fix</source>
        <translation>撤销上一次修正(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="159"/>
        <source>Not checked yet. Check data scores every image with classifiers that never saw it, from the cached features, to find labels that look wrong, the same image twice and images unlike every class.</source>
        <translation>尚未检查。“检查数据”根据缓存的特征，用从未见过该图像的分类器为每张图像打分，找出看起来标错的标签、重复的图像以及不像任何类别的图像。</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="168"/>
        <source>%1 images checked in %2 s: about %3 labels may be wrong.</source>
        <translation>已在 %2 秒内检查 %1 张图像：约有 %3 个标签可能有误。</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="173"/>
        <source>Labels that look wrong: %1</source>
        <translation>看起来标错的标签：%1</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="175"/>
        <source>looks like %1 (score %2)</source>
        <translation>看起来像 %1（得分 %2）</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="177"/>
        <source>Duplicate groups: %1</source>
        <translation>重复图像组：%1</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="179"/>
        <source>exact copies</source>
        <translation>完全相同的副本</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="179"/>
        <source>near copies</source>
        <translation>近似副本</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="181"/>
        <source>leak: in training and in validation or test</source>
        <translation>泄漏：同时出现在训练集和验证集或测试集中</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="183"/>
        <source>conflict: in more than one class</source>
        <translation>冲突：出现在多个类别中</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/datahealthpage.cpp" line="184"/>
        <source>%n images</source>
        <translation>
            <numerusform>%n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="189"/>
        <source>Outliers: %1</source>
        <translation>离群图像：%1</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="191"/>
        <source>%1 (score %2)</source>
        <translation>%1（得分 %2）</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="262"/>
        <source>No fixes yet.</source>
        <translation>还没有修正。</translation>
    </message>
    <message>
        <location filename="../ui/datahealthpage.cpp" line="263"/>
        <source>Fixes kept in the project, applied to the next training: %1</source>
        <translation>保存在项目中、将在下次训练时生效的修正：%1</translation>
    </message>
</context>
<context>
    <name>rs::DatasetPage</name>
    <message>
        <location filename="../ui/datasetpage.cpp" line="46"/>
        <source>&amp;Add folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="48"/>
        <source>&amp;Remove class</source>
        <translation>移除类别(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="68"/>
        <source>Share of each class held out to watch for overfitting while training. Too little gives a noisy validation curve; too much takes images from training.</source>
        <translation>每个类别中留作验证的比例，用于在训练时观察过拟合。太少则验证曲线噪声大；太多则挤占训练图像。</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="72"/>
        <source>Share of each class kept aside for the final accuracy, never seen in training. Too little makes the reported accuracy unreliable.</source>
        <translation>每个类别中留作最终评估的比例，训练时从不使用。太少则报告的准确率不可靠。</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="77"/>
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="78"/>
        <source>retrain.py path</source>
        <translation>retrain.py 路径</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="80"/>
        <source>What decides an image&apos;s set. File name: a hash of the file&apos;s name, so an image keeps its set when folders are moved or renamed. retrain.py path: a hash of the path TensorFlow&apos;s retrain.py hashes (the class folder&apos;s full path, then the file name), to compare with a retrain.py run whose --image_dir is that folder&apos;s absolute path; only *.jpg, *.jpeg, *.JPG, *.JPEG and *.png files directly in a class folder are then used, as retrain.py collects them.</source>
        <translation>决定图像归入哪个集合的依据。文件名：对文件名取哈希，因此移动或重命名文件夹后图像仍留在原来的集合中。retrain.py 路径：对 TensorFlow 的 retrain.py 所哈希的路径取哈希（类别文件夹的完整路径加文件名），以便与 --image_dir 为该文件夹绝对路径的 retrain.py 运行结果对照；此时只使用类别文件夹中直接存放的 *.jpg、*.jpeg、*.JPG、*.JPEG 和 *.png 文件，与 retrain.py 收集文件的方式相同。</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="86"/>
        <source>&amp;Validation:</source>
        <translation>验证集(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="90"/>
        <source>&amp;Test:</source>
        <translation>测试集(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="94"/>
        <source>Split &amp;by:</source>
        <translation>划分依据(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="234"/>
        <source>Add a folder of images or of class folders</source>
        <translation>添加一个图像文件夹或类别文件夹的上级文件夹</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="257"/>
        <source>Classes to train on: %1 · images: %2 (training %3, validation %4, test %5)</source>
        <translation>参与训练的类别：%1 · 图像：%2（训练集 %3，验证集 %4，测试集 %5）</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="264"/>
        <source>Reading folders…</source>
        <translation>正在读取文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="278"/>
        <source>“%1” is small (images: %2); %3 or more give a more reliable classifier.</source>
        <translation>“%1”图像较少（%2 张）；%3 张以上能得到更可靠的分类器。</translation>
    </message>
    <message>
        <location filename="../ui/datasetpage.cpp" line="290"/>
        <source>Files skipped: %1 (listed below with the reason).</source>
        <translation>已跳过的文件：%1（原因见下方列表）。</translation>
    </message>
</context>
<context>
    <name>rs::DatasetWelcome</name>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="49"/>
        <source>Drop class folders here</source>
        <translation>将类别文件夹拖放到这里</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="56"/>
        <source>One folder per class, named after the class, or a folder holding them. A few hundred images per class are plenty; any size and format.</source>
        <translation>每个类别一个以类别命名的文件夹，或包含这些文件夹的上级文件夹。每类几百张图像就足够；任意尺寸和格式均可。</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="60"/>
        <source>&amp;Add folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="61"/>
        <source>Try the &amp;sample images</source>
        <translation>试用示例图像(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="62"/>
        <source>Ten classes of clothing photos from Fashion-MNIST, to see how training works.</source>
        <translation>来自 Fashion-MNIST 的十类服装图片，用来体验训练过程。</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="68"/>
        <source>&amp;Download (104 MB)</source>
        <translation>下载(&amp;D)（104 MB）</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="69"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="70"/>
        <source>&amp;Untrained weights</source>
        <translation>未训练的权重(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="71"/>
        <source>Random weights: the tool works, but the classifier learns little. For trying it out.</source>
        <translation>随机权重：工具可以运行，但分类器学到的很少。仅供试用。</translation>
    </message>
    <message>
        <location filename="../ui/datasetwelcome.cpp" line="96"/>
        <source>Training needs them: get them now, or when you press Start.</source>
        <translation>训练需要它们：现在获取，或在按下“开始”时获取。</translation>
    </message>
</context>
<context>
    <name>rs::EmbeddingMap</name>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="49"/>
        <source>Each point is an image, placed near the images its features find alike. Hover to see it; draw around points to select them.</source>
        <translation>每个点是一张图像，放在特征相似的图像附近。悬停可查看图像；用鼠标圈出点即可选中。</translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="74"/>
        <source>test mistake</source>
        <translation>测试错误</translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="76"/>
        <source>audit finding</source>
        <translation>检查发现</translation>
    </message>
    <message>
        <location filename="../ui/embeddingmap.cpp" line="78"/>
        <source>selected</source>
        <translation>已选中</translation>
    </message>
</context>
<context>
    <name>rs::FieldProblems</name>
    <message>
        <location filename="../ui/fieldproblems.cpp" line="82"/>
        <source>%1 was not taken: %2</source>
        <translation>未接受 %1：%2</translation>
    </message>
</context>
<context>
    <name>rs::GalleryModel</name>
    <message>
        <location filename="../ui/gallerymodel.cpp" line="29"/>
        <source>%1 → %2
%3 %</source>
        <translation>%1 → %2
%3 %</translation>
    </message>
</context>
<context>
    <name>rs::ImageViewer</name>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>No heat map</source>
        <translation>不显示热力图</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>Where it saw the predicted class</source>
        <translation>它在哪里看到了预测的类别</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="59"/>
        <source>Where it saw the true class</source>
        <translation>它在哪里看到了真实的类别</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="60"/>
        <source>Grad-CAM: the parts of the image that raised the class&apos;s score most, from the network&apos;s last block</source>
        <translation>Grad-CAM：图像中最能提高该类别得分的部分，取自网络的最后一个模块</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="62"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一张(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="65"/>
        <source>&amp;Next ▶</source>
        <translation>下一张(&amp;N) ▶</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="98"/>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <location filename="../ui/imageviewer.cpp" line="99"/>
        <source>True class: %1 · predicted: %2
Likeliest: %3</source>
        <translation>真实类别：%1 · 预测：%2
最可能：%3</translation>
    </message>
</context>
<context>
    <name>rs::Job</name>
    <message>
        <location filename="../ui/job.cpp" line="71"/>
        <source>an unknown error stopped the work</source>
        <translation>未知错误中止了任务</translation>
    </message>
</context>
<context>
    <name>rs::LanguageMenu</name>
    <message>
        <location filename="../ui/languagemenu.cpp" line="11"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/languagemenu.cpp" line="16"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>rs::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="382"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>Retrain Studio</source>
        <translation>Retrain Studio</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118"/>
        <source>&amp;1 Dataset</source>
        <translation>数据集(&amp;1)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="119"/>
        <source>&amp;2 Settings</source>
        <translation>设置(&amp;2)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>&amp;3 Training</source>
        <translation>训练(&amp;3)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>&amp;4 Results</source>
        <translation>结果(&amp;4)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>&amp;5 Predict</source>
        <translation>预测(&amp;5)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;6 Data health</source>
        <translation>&amp;6 数据健康</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>Test accuracy %1 % on %2 test images after %3 steps; the Results page has the details.</source>
        <translation>%3 步后在 %2 张测试图像上的测试准确率为 %1 %；详情见“结果”页。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="266"/>
        <source>Results of the run that ended at %1.</source>
        <translation>于 %1 结束的运行的结果。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="267"/>
        <source>Results of the last run, as saved with the project.</source>
        <translation>上次运行的结果，随项目保存。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Cannot find settings</source>
        <translation>无法寻找设置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Cannot find a learning rate</source>
        <translation>无法寻找学习率</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="32"/>
        <source>Cannot check the data</source>
        <translation>无法检查数据</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="38"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="43"/>
        <source>Export the report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="44"/>
        <source>Web pages (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="58"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="60"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="69"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="72"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="73"/>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="89"/>
        <source>&amp;About Retrain Studio</source>
        <translation>关于 Retrain Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="90"/>
        <source>About Retrain Studio</source>
        <translation>关于 Retrain Studio</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="91"/>
        <source>&lt;p&gt;&lt;b&gt;Retrain Studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Trains an image classifier on your own images by transfer learning from an ImageNet-trained InceptionV3, without Python.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Retrain Studio %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;基于在 ImageNet 上预训练的 InceptionV3，通过迁移学习用你自己的图像训练图像分类器，无需 Python。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="96"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="249"/>
        <source>Not started. Add classes on the Dataset page, then press Start.</source>
        <translation>尚未开始。请先在“数据集”页添加类别，然后点击“开始”。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="282"/>
        <source>Train a classifier first.</source>
        <translation>请先训练一个分类器。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>This project holds the last run&apos;s report, not its model: press Start to train again (features already computed come from the cache).</source>
        <translation>此项目保存了上一次训练的报告，但没有保存模型：点击“开始”重新训练（已计算的特征会从缓存读取）。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>The last run, as saved with the project.</source>
        <translation>上一次训练，随项目一起保存。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Export the model to a new folder</source>
        <translation>将模型导出到新文件夹</translation>
    </message>
</context>
<context>
    <name>rs::MetricsModel</name>
    <message>
        <location filename="../ui/resultmodels.cpp" line="55"/>
        <source>n/a: no test image was predicted as this class.</source>
        <translation>不适用：没有测试图像被预测为此类别。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="56"/>
        <source>n/a: this class has no test images (the split put none of its images in the test set; add images or raise the test percentage).</source>
        <translation>不适用：此类别没有测试图像（划分时没有图像进入测试集；请添加图像或提高测试百分比）。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="63"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="80"/>
        <source>Of the test images predicted as this class, the share that really are.</source>
        <translation>被预测为该类别的测试图像中，真正属于该类别的比例。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="81"/>
        <source>Of the test images of this class, the share found.</source>
        <translation>该类别的测试图像中，被正确找出的比例。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="82"/>
        <source>The harmonic mean of precision and recall.</source>
        <translation>精确率与召回率的调和平均数。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="83"/>
        <source>Test images of this class.</source>
        <translation>该类别的测试图像数。</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="90"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="91"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="92"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="93"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/resultmodels.cpp" line="94"/>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
</context>
<context>
    <name>rs::PredictPage</name>
    <message>
        <location filename="../ui/predictpage.cpp" line="38"/>
        <source>&amp;Choose images…</source>
        <translation>选择图像(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="40"/>
        <source>Choose a &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="42"/>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="49"/>
        <source>Drop images or folders here to classify them.</source>
        <translation>将图像或文件夹拖到这里进行分类。</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="67"/>
        <source>Folder of images to classify</source>
        <translation>要分类的图像文件夹</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="73"/>
        <source>Train a classifier first.</source>
        <translation>请先训练一个分类器。</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="81"/>
        <source>Classes: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="91"/>
        <source>No image among what was dropped.</source>
        <translation>拖入的内容中没有图像。</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="94"/>
        <source>Classifying images: %1…</source>
        <translation>正在分类图像：%1…</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="120"/>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="121"/>
        <source>Images to classify</source>
        <translation>要分类的图像</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="148"/>
        <source>Classification failed: %1</source>
        <translation>分类失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="167"/>
        <source>Images classified: %1.</source>
        <translation>已分类图像：%1。</translation>
    </message>
    <message>
        <location filename="../ui/predictpage.cpp" line="169"/>
        <source>Not readable:</source>
        <translation>无法读取：</translation>
    </message>
</context>
<context>
    <name>rs::ProjectFiles</name>
    <message>
        <location filename="../ui/projectfiles.cpp" line="59"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="17"/>
        <source>Retrain Studio projects (*.rsproject);;All files (*)</source>
        <translation>Retrain Studio 项目 (*.rsproject);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="67"/>
        <location filename="../ui/projectfiles.cpp" line="74"/>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="67"/>
        <source>Stop the training run first.</source>
        <translation>请先停止正在进行的训练。</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="90"/>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="95"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="106"/>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="118"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../ui/projectfiles.cpp" line="118"/>
        <source>Save the changes to this project first?</source>
        <translation>是否先保存对此项目的更改？</translation>
    </message>
</context>
<context>
    <name>rs::RateFinderDialog</name>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="15"/>
        <source>Find a learning rate</source>
        <translation>寻找学习率</translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="25"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="26"/>
        <source>training loss (smoothed)</source>
        <translation>训练损失（平滑）</translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="62"/>
        <source>The loss falls fastest at a learning rate of %1 (dashed line): a good base rate. It is lowest at %2.</source>
        <translation>学习率为 %1 时损失下降最快（虚线）：这是合适的基础学习率。损失在 %2 处最低。</translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="67"/>
        <source>Above %1 it blows up.</source>
        <translation>高于 %1 时损失急剧增大。</translation>
    </message>
    <message>
        <location filename="../ui/ratefinderdialog.cpp" line="69"/>
        <source>Use %1 as the base rate</source>
        <translation>将 %1 用作基础学习率</translation>
    </message>
</context>
<context>
    <name>rs::RatePreview</name>
    <message>
        <location filename="../ui/ratepreview.cpp" line="14"/>
        <source>The learning rate at each step of the run.</source>
        <translation>训练中每一步的学习率。</translation>
    </message>
    <message>
        <location filename="../ui/ratepreview.cpp" line="17"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/ratepreview.cpp" line="18"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
</context>
<context>
    <name>rs::ReliabilityPlot</name>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="12"/>
        <source>confidence %</source>
        <translation>置信度 %</translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="13"/>
        <location filename="../ui/reliabilityplot.cpp" line="21"/>
        <source>right %</source>
        <translation>正确率 %</translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="39"/>
        <source>Not calibrated (no validation images, or calibration switched off)</source>
        <translation>未校准（没有验证图像，或已关闭校准）</translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="41"/>
        <source>%1 validation images · already calibrated (temperature %2 gains no more than chance)
calibration error %3 %</source>
        <translation>%1 张验证图像 · 已经校准（温度 %2 的改善不超过偶然）
校准误差 %3 %</translation>
    </message>
    <message>
        <location filename="../ui/reliabilityplot.cpp" line="47"/>
        <source>%1 validation images · temperature %2
calibration error %3 % → %4 %</source>
        <translation>%1 张验证图像 · 温度 %2
校准误差 %3 % → %4 %</translation>
    </message>
</context>
<context>
    <name>rs::ResultsPage</name>
    <message>
        <location filename="../ui/resultspage.cpp" line="68"/>
        <location filename="../ui/resultspage.cpp" line="213"/>
        <source>No results yet: train a classifier first.</source>
        <translation>还没有结果：请先训练一个分类器。</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="82"/>
        <source>Files of the last run that were not trained on, each with the reason.</source>
        <translation>上次运行中未用于训练的文件，各附原因。</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="93"/>
        <source>Rows: true class; columns: predicted class. Click a cell to see its images.</source>
        <translation>行：真实类别；列：预测类别。点击单元格查看对应的图像。</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="100"/>
        <source>How often the classifier was right against how sure it was, on the validation images: bars on the diagonal mean its percentages can be taken at their word.</source>
        <translation>在验证图像上，分类器的正确率与其把握程度的对照：柱子落在对角线上，说明它给出的百分比可以信赖。</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="103"/>
        <source>Misclassified test images</source>
        <translation>被错误分类的测试图像</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="106"/>
        <source>All &amp;misclassified</source>
        <translation>全部错误分类(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="108"/>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="123"/>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="132"/>
        <source>Double-click an image to see it large, with where the network looked; right-click to relabel, exclude or mark it reviewed.</source>
        <translation>双击图像可查看大图及网络关注的区域；右键单击可改标、排除或标记为已复核。</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="151"/>
        <source>Per class</source>
        <translation>各类别指标</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="153"/>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="165"/>
        <source>Reliability of the probabilities</source>
        <translation>概率的可靠性</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="184"/>
        <source>Files skipped in this run: %1</source>
        <translation>本次运行跳过的文件：%1</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="200"/>
        <source>Test accuracy %1 % · balanced accuracy %2 % · test images: %3</source>
        <translation>测试准确率 %1 % · 平衡准确率 %2 % · 测试图像：%3</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="223"/>
        <source>“%1” recognised: %2</source>
        <translation>“%1”识别正确：%2</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="224"/>
        <source>“%1” taken for “%2”: %3</source>
        <translation>“%1”被误判为“%2”：%3</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="234"/>
        <source>Misclassified test images: %1</source>
        <translation>被错误分类的测试图像：%1</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="249"/>
        <source>&amp;Relabel as</source>
        <translation>改标为(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="256"/>
        <source>E&amp;xclude</source>
        <translation>排除(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/resultspage.cpp" line="257"/>
        <source>Mark re&amp;viewed</source>
        <translation>标记为已复核(&amp;V)</translation>
    </message>
</context>
<context>
    <name>rs::Session</name>
    <message>
        <location filename="../ui/session.cpp" line="66"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="67"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="70"/>
        <source>Stopped. The previous run&apos;s results are kept.</source>
        <translation>已停止。上一次训练的结果保留不变。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="70"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="72"/>
        <source>Resume carries the run on from where it stopped.</source>
        <translation>“继续训练”可从停止处接着运行。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="83"/>
        <source>The classifier was not kept with the project: %1</source>
        <translation>分类器未随项目保存：%1</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="87"/>
        <source>The classifier kept with the project was not loaded (%1): Start trains it again, with the features from the cache.</source>
        <translation>随项目保存的分类器未能加载（%1）：按“开始”会重新训练，特征取自缓存。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="91"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="95"/>
        <source>No sample images</source>
        <translation>没有示例图像</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="96"/>
        <source>%1
The sample images come from Debian&apos;s dataset-fashion-mnist package.</source>
        <translation>%1
示例图像来自 Debian 的 dataset-fashion-mnist 软件包。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="101"/>
        <source>Report not written</source>
        <translation>报告未写入</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="112"/>
        <source>No heat map: %1</source>
        <translation>无法生成热力图：%1</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="14"/>
        <source>The folders are still being read; start again in a moment.</source>
        <translation>仍在读取文件夹；请稍后再开始。</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="16"/>
        <source>Training needs at least two classes with images. Drop folders on the Dataset page.</source>
        <translation>训练至少需要两个含有图像的类别。请把文件夹拖到“数据集”页。</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="86"/>
        <source>Loading the InceptionV3 weights…</source>
        <translation>正在加载 InceptionV3 权重…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="104"/>
        <source>Computing image features in %1…</source>
        <translation>正在以 %1 计算图像特征…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="128"/>
        <source>Training the classifier…</source>
        <translation>正在训练分类器…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="128"/>
        <source>Trying settings on the features…</source>
        <translation>正在特征上试验设置…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="134"/>
        <source>Trying settings on the features: %1 of %2…</source>
        <translation>正在特征上试验设置：第 %1 组，共 %2 组…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="135"/>
        <source>Training the classifier with the best settings…</source>
        <translation>正在用最佳设置训练分类器…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="151"/>
        <location filename="../ui/sessionruns.cpp" line="172"/>
        <source>Reading the dataset…</source>
        <translation>正在读取数据集…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="181"/>
        <source>Training with rising learning rates…</source>
        <translation>正在以逐步升高的学习率训练…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="185"/>
        <source>Done: the loss falls fastest at a learning rate of %1.</source>
        <translation>完成：学习率为 %1 时损失下降最快。</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="195"/>
        <source>Checking the data…</source>
        <translation>正在检查数据…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="199"/>
        <source>Checking the data: step %1 of %2…</source>
        <translation>正在检查数据：第 %1 步，共 %2 步…</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="208"/>
        <source>Done: %1 labels look wrong, %2 groups of duplicates, %3 outliers.</source>
        <translation>完成：%1 个标签看起来有误，%2 组重复图像，%3 张离群图像。</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="228"/>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <location filename="../ui/sessionruns.cpp" line="233"/>
        <source>Done: test accuracy %1 %, steps: %2 (features %3 s, training %4 s).</source>
        <translation>完成：测试准确率 %1 %，步数：%2（特征 %3 秒，训练 %4 秒）。</translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="62"/>
        <source>The last run&apos;s classifier is loaded: Predict and Export work without training again.</source>
        <translation>上次运行的分类器已加载：无需重新训练即可预测和导出。</translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="73"/>
        <source>Loading the last run&apos;s classifier…</source>
        <translation>正在加载上次运行的分类器…</translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="144"/>
        <source>Exported the model to %1</source>
        <translation>模型已导出到 %1</translation>
    </message>
    <message>
        <location filename="../ui/keptclassifier.cpp" line="147"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <location filename="../ui/session.cpp" line="266"/>
        <source>Writing the sample images to %1…</source>
        <translation>正在将示例图像写入 %1…</translation>
    </message>
</context>
<context>
    <name>rs::SettingsPage</name>
    <message>
        <location filename="../ui/settingsform.cpp" line="76"/>
        <source>Set the training length in steps (one batch each) or in epochs (every training image seen once).</source>
        <translation>以步数（每步一个批次）或轮数（每张训练图像各看一次）设置训练时长。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="77"/>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="77"/>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>epochs</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="79"/>
        <source>How many batches the classifier learns from. Too few and it stops before it has learnt; too many mostly costs time, and can overfit a small dataset.</source>
        <translation>分类器学习的批次数。太少则还没学好就停止；太多主要是浪费时间，在小数据集上还可能过拟合。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="83"/>
        <source>How many times each training image is seen. Too few and the classifier has not learnt; too many can overfit a small dataset.</source>
        <translation>每张训练图像被看到的次数。太少则分类器没学好；太多可能在小数据集上过拟合。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="89"/>
        <source>Images per learning step. Small batches give noisy but quick steps; large ones smooth steps that cost more each.</source>
        <translation>每个学习步骤使用的图像数。批次小则每步快但噪声大；批次大则更平稳，但每步更慢。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="92"/>
        <source>all images</source>
        <translation>全部图像</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="93"/>
        <source>Learn from every training image in every step: the steadiest curve, slow on large datasets.</source>
        <translation>每一步都使用全部训练图像：曲线最平稳，但在大数据集上很慢。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="96"/>
        <source>How big the first learning steps are. Too high and the loss jumps about or grows; too low and learning crawls.</source>
        <translation>初始学习步长的大小。太高则损失剧烈波动甚至上升；太低则学习非常缓慢。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="99"/>
        <source>The rate the schedule decays towards: small steps at the end fine-tune the result. It cannot be above the base rate.</source>
        <translation>学习率衰减的目标值：结束时的小步长用于微调结果。不能高于基础学习率。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="108"/>
        <source>How the learning rate changes from the base rate towards the minimum over the run; the plot below shows it.</source>
        <translation>学习率在训练过程中如何从基础学习率变化到最小学习率；下方的图显示了它。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="111"/>
        <source>exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="112"/>
        <source>constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="113"/>
        <source>step</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="114"/>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="115"/>
        <source>geometric</source>
        <translation>几何衰减</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="119"/>
        <source>SGD is the classic recipe; Adam adapts the step size per weight and often needs a 10 to 100 times smaller rate.</source>
        <translation>SGD 是经典方案；Adam 为每个权重自适应调整步长，通常需要小 10 到 100 倍的学习率。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="123"/>
        <source>SGD only: how much of the previous step carries into the next. 0.9 speeds learning up; close to 1 it overshoots.</source>
        <translation>仅用于 SGD：上一步有多少延续到下一步。0.9 能加快学习；接近 1 时会冲过头。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="130"/>
        <source>0 trains one layer on the image features (the classic recipe). A hidden layer can fit harder problems but overfits small datasets more easily.</source>
        <translation>0 表示在图像特征上只训练一层（经典方案）。隐藏层能拟合更难的问题，但在小数据集上更容易过拟合。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="134"/>
        <source>Share of features hidden at random in each step, against overfitting. Too high and the classifier cannot learn.</source>
        <translation>每一步随机屏蔽的特征比例，用于防止过拟合。太高则分类器无法学习。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="139"/>
        <source>Pulls the classifier&apos;s weights towards zero a little at every step, against overfitting a small dataset. Too much and it cannot fit at all.</source>
        <translation>每一步都把分类器的权重向零稍稍拉近，防止在小数据集上过拟合。过大则完全无法拟合。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="144"/>
        <source>standardise features</source>
        <translation>标准化特征</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="145"/>
        <source>Train on features scaled to the same spread in every dimension, so the learning rate suits any backbone. The exported classifier still takes the network&apos;s own features. Off: the classic recipe, on the features as they come.</source>
        <translation>在每个维度缩放到相同分布的特征上训练，使学习率适用于任何骨干网络。导出的分类器仍然接受网络原始的特征。关闭：经典方案，直接使用原始特征。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="148"/>
        <source>keep the best validation point</source>
        <translation>保留验证集上最好的时刻</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="149"/>
        <source>End with the classifier as it was when its validation loss was lowest, not as it was at the last step, which may have started to overfit. Needs validation images.</source>
        <translation>最终采用验证损失最低时的分类器，而不是最后一步（那时可能已开始过拟合）的分类器。需要验证集图像。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="151"/>
        <source>calibrate probabilities</source>
        <translation>校准概率</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="152"/>
        <source>After training, rescale the classifier&apos;s confidence on the validation images so that &quot;90 %&quot; is right about nine times in ten. Never changes which class is predicted. Needs validation images.</source>
        <translation>训练后在验证图像上重新调整分类器的置信度，使“90 %”大约十次对九次。不会改变预测的类别。需要验证图像。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="159"/>
        <source>For classes of very different sizes, so that small classes are not drowned out by large ones: draw every class equally often, or weight each class&apos;s errors by its rarity.</source>
        <translation>当各类别大小相差很大时，避免小类别被大类别淹没：让每个类别被抽到的次数相同，或按类别的稀少程度加权其误差。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>as the images come</source>
        <translation>按图像原样</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>draw classes equally often</source>
        <translation>各类别等量抽样</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="161"/>
        <source>weight classes by rarity</source>
        <translation>按稀少程度为类别加权</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="163"/>
        <source>The same seed, data and settings train the same classifier; change it to see how much results vary by chance.</source>
        <translation>相同的种子、数据和设置会训练出相同的分类器；改变种子可以看出结果受随机性影响有多大。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="167"/>
        <source>Where in InceptionV3 the image features are taken. The bottleneck (2048 numbers) suits most photos; earlier layers keep simpler shapes and textures, for images unlike ImageNet&apos;s.</source>
        <translation>从 InceptionV3 的哪一层提取图像特征。瓶颈特征（2048 个数）适合大多数照片；较早的层保留更简单的形状和纹理，适合与 ImageNet 差别较大的图像。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="174"/>
        <source>Train only the classifier on top (fast), or also the top blocks of InceptionV3 (Mixed_7b is Keras&apos;s fine-tuning recipe), or the whole network on images distorted afresh at every step, as PyTorch&apos;s transfer-learning recipe does. Fine-tuning can fit unusual images better, but each step is far slower: use a few epochs, not thousands of steps.</source>
        <translation>只训练顶部的分类器（快），或同时训练 InceptionV3 的顶部模块（Mixed_7b 即 Keras 的微调方案），或像 PyTorch 的迁移学习方案那样，在每一步都重新随机变形的图像上训练整个网络。微调能更好地拟合特殊的图像，但每一步都慢得多：请用几个轮次，而不是几千步。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="178"/>
        <source>the classifier only</source>
        <translation>只训练分类器</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="180"/>
        <source>the classifier and the blocks from %1</source>
        <translation>训练分类器以及从 %1 开始的模块</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="184"/>
        <source>The fine-tuned blocks learn at this fraction of the classifier&apos;s rate. Too high and they forget what ImageNet taught them; too low and they barely change.</source>
        <translation>被微调的模块以分类器学习率的这一比例学习。太高会忘掉从 ImageNet 学到的知识；太低则几乎不变。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="190"/>
        <source>Each block below the top one learns at this fraction of the rate of the block above it (1: all at the same rate). The lower blocks see edges and textures that suit most images; a decay below 1 changes them less than the top ones.</source>
        <translation>最上面的模块以上述比例学习，其下每个模块以上一模块学习率的这一比例学习（1：全部相同）。较低的模块识别适用于大多数图像的边缘和纹理；衰减小于 1 时，它们的变化比顶部模块小。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="196"/>
        <source>each block below ×</source>
        <translation>其下每个模块 ×</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="198"/>
        <source>update BatchNorm statistics</source>
        <translation>更新 BatchNorm 统计量</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="199"/>
        <source>Off (recommended): BatchNorm keeps ImageNet&apos;s statistics, which small batches would only make noisy. On: it uses each batch&apos;s statistics and updates its own.</source>
        <translation>关闭（推荐）：BatchNorm 保留 ImageNet 的统计量，小批次只会让它们变得更嘈杂。开启：使用每个批次的统计量并更新自身的统计量。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="216"/>
        <source>Distorted copies made of each training image (0: none). More copies teach the classifier to ignore position, size and lighting, but each costs one more pass of the network over the training images, once: their features are cached.</source>
        <translation>为每张训练图像生成的变形副本数（0：不生成）。副本越多，分类器越能忽略位置、大小和光照的变化，但每个副本都需要让网络在训练图像上多跑一遍——只需一次，因为其特征会被缓存。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="205"/>
        <location filename="../ui/settingsform.cpp" line="220"/>
        <source>mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="221"/>
        <source>Mirror copies left to right at random. Leave it off when mirrored images mean something else (text, left and right hands).</source>
        <translation>随机左右翻转副本。当镜像后含义不同时请关闭（例如文字、左右手）。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="224"/>
        <source>Crop copies at a random place after adding this margin. Too much and objects are cut off.</source>
        <translation>加上此边距后在随机位置裁剪副本。太大会把物体裁掉。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="226"/>
        <source>Enlarge copies at random by up to this much. Too much and only parts of objects remain.</source>
        <translation>随机放大副本，最多放大这么多。太大则只剩物体的局部。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="228"/>
        <source>Make copies brighter or darker at random by up to this much. Too much and details wash out.</source>
        <translation>随机调亮或调暗副本，最多这么多。太大则细节会丢失。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="201"/>
        <location filename="../ui/settingsform.cpp" line="230"/>
        <source>crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="231"/>
        <source>scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="212"/>
        <location filename="../ui/settingsform.cpp" line="232"/>
        <source>brightness</source>
        <translation>亮度</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="181"/>
        <source>the whole network, on images distorted as it trains</source>
        <translation>整个网络（训练时图像随机变换）</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="202"/>
        <source>At every step, train on a random part of each image (8 % to 100 % of its area, as torchvision&apos;s RandomResizedCrop does), enlarged to the network&apos;s input. Off: the whole image, as predictions see it.</source>
        <translation>每一步都用每张图像的一个随机区域训练（占面积的 8 % 到 100 %，与 torchvision 的 RandomResizedCrop 相同），放大到网络的输入尺寸。关闭：使用整张图像，与预测时一致。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="206"/>
        <source>At every step, mirror each image left to right at random. Leave it off when mirrored images mean something else (text, left and right hands).</source>
        <translation>每一步都随机左右镜像每张图像。若镜像后的图像含义不同（文字、左右手），请关闭。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="209"/>
        <source>At every step, make each image brighter or darker at random by up to this much.</source>
        <translation>每一步都随机将每张图像调亮或调暗，幅度不超过此值。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="211"/>
        <source>At every step, raise or lower each image&apos;s contrast at random by up to this much.</source>
        <translation>每一步都随机提高或降低每张图像的对比度，幅度不超过此值。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="213"/>
        <source>contrast</source>
        <translation>对比度</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="236"/>
        <source>The number format InceptionV3 computes image features in. bfloat16 is about twice as fast on processors made for it (AVX512_BF16, AMX), and its features stay within 0.01 % of float32&apos;s; elsewhere it is slower. int8 is about twice as fast again: it measures its ranges on 16 of your training images first, and its features stay within 0.03 % of float32&apos;s (median); predictions of single images stay in float. The classifier always trains in float32.</source>
        <translation>InceptionV3 计算图像特征所用的数值格式。在为其设计的处理器（AVX512_BF16、AMX）上，bfloat16 约快一倍，特征与 float32 相差不超过 0.01 %；在其他处理器上反而更慢。int8 还能再快约一倍：它先在你的 16 张训练图像上测量数值范围，特征与 float32 的相差中位数不超过 0.03 %；单张图像的预测仍以浮点计算。分类器始终以 float32 训练。</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="242"/>
        <source>automatic (%1 on this computer)</source>
        <translation>自动（本机使用 %1）</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="255"/>
        <source>Training &amp;length:</source>
        <translation>训练时长(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="257"/>
        <source>&amp;Batch size:</source>
        <translation>批次大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="258"/>
        <source>Base learning &amp;rate:</source>
        <translation>基础学习率(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="259"/>
        <source>M&amp;inimum learning rate:</source>
        <translation>最小学习率(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="260"/>
        <source>&amp;Schedule:</source>
        <translation>学习率调度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="261"/>
        <source>&amp;Optimizer:</source>
        <translation>优化器(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="262"/>
        <source>&amp;Momentum:</source>
        <translation>动量(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="263"/>
        <source>&amp;Hidden units:</source>
        <translation>隐藏单元(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="264"/>
        <source>&amp;weight decay</source>
        <translation>权重衰减(&amp;W)</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="266"/>
        <source>&amp;Dropout:</source>
        <translation>Dropout(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="267"/>
        <source>Con&amp;vergence:</source>
        <translation>收敛(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="268"/>
        <source>Class &amp;balance:</source>
        <translation>类别平衡(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="269"/>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="270"/>
        <source>&amp;Feature layer:</source>
        <translation>特征层(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="271"/>
        <source>&amp;Train:</source>
        <translation>训练范围(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="272"/>
        <source>Blocks&apos; rate ×:</source>
        <translation>模块学习率 ×：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="273"/>
        <source>Augment each ste&amp;p:</source>
        <translation>每步增强(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="275"/>
        <source>&amp;Augmented copies:</source>
        <translation>增强副本数(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="276"/>
        <source>&amp;ImageNet weights:</source>
        <translation>ImageNet 权重(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="277"/>
        <source>&amp;Compute in:</source>
        <translation>计算精度(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../ui/settingsform.cpp" line="278"/>
        <source>Learning rate over the run</source>
        <translation>训练过程中的学习率</translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="231"/>
        <source>(add images to see it in %1)</source>
        <translation>（添加图像后可换算为%1）</translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="233"/>
        <source>= steps: %1</source>
        <translation>= 步数：%1</translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="235"/>
        <source>≈ %1 epochs (training images: %2)</source>
        <translation>≈ %1 轮（训练图像：%2）</translation>
    </message>
    <message>
        <location filename="../ui/settingspage.cpp" line="240"/>
        <source>no fewer than the training images (%1): every step uses all of them</source>
        <translation>不少于训练图像数（%1）：每一步都使用全部图像</translation>
    </message>
</context>
<context>
    <name>rs::TrainingPage</name>
    <message>
        <location filename="../ui/trainingpage.cpp" line="37"/>
        <source>Not started. Add classes on the Dataset page, then press Start.</source>
        <translation>尚未开始。请先在“数据集”页添加类别，然后点击“开始”。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="45"/>
        <location filename="../ui/trainingpage.cpp" line="118"/>
        <location filename="../ui/trainingpage.cpp" line="233"/>
        <source>%v of %m images</source>
        <translation>%v / %m 张图像</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="108"/>
        <source>The curves start once the image features are computed.</source>
        <translation>图像特征计算完成后开始绘制曲线。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="124"/>
        <source>This run started at %1.</source>
        <translation>本次运行开始于 %1。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="125"/>
        <source>This run started at %1; the curves below are the last training&apos;s.</source>
        <translation>本次运行开始于 %1；下方曲线属于上一次训练。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="135"/>
        <source>Images: %1 · classes: %2</source>
        <translation>图像：%1 · 类别：%2</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="152"/>
        <source>%1 images/s · %2 left · %3 from the cache</source>
        <translation>%1 张/秒 · 剩余 %2 · %3 张来自缓存</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="162"/>
        <location filename="../ui/trainingpage.cpp" line="233"/>
        <source>step %v of %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="173"/>
        <source>Resumed at %2: the curves up to step %1 are the stopped run&apos;s, this run carries them on.</source>
        <translation>于 %2 继续：第 %1 步及之前的曲线属于已停止的运行，本次运行在其基础上继续。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="181"/>
        <source>%1 steps/s · %2 left</source>
        <translation>%1 步/秒 · 剩余 %2</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="184"/>
        <source>training loss %1 · learning rate %2</source>
        <translation>训练损失 %1 · 学习率 %2</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="186"/>
        <source> · validation loss %1 · validation accuracy %2 %</source>
        <translation> · 验证损失 %1 · 验证准确率 %2 %</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="193"/>
        <source>Validation loss has risen since step %1 while training loss goes on falling: the classifier is overfitting, learning its training images rather than the classes. Keeping the best validation point keeps step %1&apos;s classifier; fewer steps, more dropout or weight decay, or more images help.</source>
        <translation>自第 %1 步起验证损失上升，而训练损失继续下降：分类器正在过拟合，记住的是训练图像而不是类别。保留最佳验证点会保留第 %1 步的分类器；减少步数、增加 dropout 或权重衰减，或增加图像都有帮助。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="208"/>
        <source>%v of %m settings tried</source>
        <translation>已试验 %v / %m 组设置</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="218"/>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="224"/>
        <source>No run yet: the next run&apos;s curves appear here.</source>
        <translation>尚无运行：下一次运行的曲线将显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="243"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="243"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/trainingpage.cpp" line="244"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>rs::TrialTable</name>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Hidden units</source>
        <translation>隐藏单元</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="24"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Held-out accuracy</source>
        <translation>留出集准确率</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="25"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="43"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="49"/>
        <source>standardised</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="49"/>
        <source>raw</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../ui/trialtable.cpp" line="65"/>
        <source>%1 (chosen)</source>
        <translation>%1（已选）</translation>
    </message>
</context>
<context>
    <name>rs::WeightsField</name>
    <message>
        <location filename="../ui/weightsfield.cpp" line="21"/>
        <source>torchvision&apos;s ImageNet-trained InceptionV3 file (%1).</source>
        <translation>torchvision 在 ImageNet 上训练的 InceptionV3 文件（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="24"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="66"/>
        <source>random weights, seed %1 (for testing only)</source>
        <translation>随机权重，种子 %1（仅供测试）</translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="75"/>
        <source>InceptionV3 weights</source>
        <translation>InceptionV3 权重</translation>
    </message>
    <message>
        <location filename="../ui/weightsfield.cpp" line="76"/>
        <source>PyTorch weights (*.pth *.pt);;All files (*)</source>
        <translation>PyTorch 权重 (*.pth *.pt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>rs::WeightsPrompt</name>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="18"/>
        <source>Random weights (seed %1): for testing only</source>
        <translation>随机权重（种子 %1）：仅供测试</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="20"/>
        <source>No ImageNet weights found at %1</source>
        <translation>在 %1 未找到 ImageNet 权重</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="25"/>
        <source>ImageNet weights needed</source>
        <translation>需要 ImageNet 权重</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="26"/>
        <source>Training starts from InceptionV3 trained on ImageNet, and its weights file was not found at %1.</source>
        <translation>训练从在 ImageNet 上预训练的 InceptionV3 开始，但在 %1 未找到其权重文件。</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="28"/>
        <source>Download it from PyTorch (about 104 MB, shared with Python&apos;s torchvision), choose a copy you have, or go on with untrained weights, which only show how the tool works.</source>
        <translation>可以从 PyTorch 下载（约 104 MB，与 Python 的 torchvision 共用），选择你已有的文件，或者使用未训练的权重继续——后者只能演示工具的用法。</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="30"/>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="41"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="42"/>
        <source>&amp;Untrained weights</source>
        <translation>未训练的权重(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="52"/>
        <source>Untrained weights (seed 0): results show how the tool works, not what it can do</source>
        <translation>未训练的权重（种子 0）：结果只演示工具的用法，不代表其能力</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="63"/>
        <source>Downloading the ImageNet weights from %1…</source>
        <translation>正在从 %1 下载 ImageNet 权重…</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="66"/>
        <source>ImageNet weights</source>
        <translation>ImageNet 权重</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="79"/>
        <source>Downloading the ImageNet weights: %1 of %2 MB</source>
        <translation>正在下载 ImageNet 权重：%1 / %2 MB</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="92"/>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="93"/>
        <source>Without a connection to %1: choose a copy of %2 you have, or run “retrain-cli download-weights” on a connected computer and copy the file it saves into %3 on this one.</source>
        <translation>无法连接到 %1：请选择您已有的 %2 副本，或在联网的计算机上运行“retrain-cli download-weights”，然后将其保存的文件复制到本机的 %3 中。</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="96"/>
        <source>Try &amp;again</source>
        <translation>重试(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/weightsprompt.cpp" line="20"/>
        <location filename="../ui/weightsprompt.cpp" line="89"/>
        <source>ImageNet weights: %1</source>
        <translation>ImageNet 权重：%1</translation>
    </message>
</context>
</TS>
