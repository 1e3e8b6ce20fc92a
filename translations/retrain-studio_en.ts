<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>rs::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="15"/>
        <source>Retrain Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="16"/>
        <source>Train an image classifier on your own images.
Dataset, training and results views arrive in the next releases;
retrain-cli already extracts InceptionV3 features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="26"/>
        <source>ImageNet weights: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="27"/>
        <source>No ImageNet weights found at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
