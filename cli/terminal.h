#pragma once

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace rs::cli {

QTextStream &out();
QTextStream &err();

// Parses `arguments` for one command. Returns -1 to go on, or the exit code to return now
// (after printing the help text or the one-line argument error).
int parseOrExit(QCommandLineParser &parser, const QStringList &arguments);

// Prints "retrain-cli: <command>: <message>" on stderr and returns `code`.
int fail(const QString &command, const QString &message, int code);

// Reads numeric options, printing the first bad value's reason; check ok() afterwards.
class NumberReader
{
public:
    NumberReader(const QCommandLineParser &parser, QString command);
    int integer(const QCommandLineOption &option, int min, int max);
    double real(const QCommandLineOption &option, double min, double max);
    // Only the syntax: the bounds of a setting are core's (checkRunOptions).
    int integer(const QCommandLineOption &option);
    double real(const QCommandLineOption &option);
    bool ok() const { return m_ok; }

private:
    bool reject(const QCommandLineOption &option, const QString &range);
    const QCommandLineParser &m_parser;
    QString m_command;
    bool m_ok = true;
};

// A one-line progress report on stderr (rate and time left), redrawn in place on a
// terminal and printed every 10 % otherwise, so logs stay short.
class Progress
{
public:
    // unit names what is counted, for the rate ("img" gives "img/s").
    Progress(QString label, qint64 total, QString unit = QStringLiteral("img"));
    void advance(qint64 done);
    void finish();

private:
    QString m_label;
    QString m_unit;
    qint64 m_total;
    qint64 m_done = 0;
    int m_lastDecile = -1;
    bool m_interactive;
    QElapsedTimer m_clock;
};

} // namespace rs::cli
