#include "terminal.h"

#include "cli.h"

#include <QTime>

#include <cstdio>
#include <unistd.h>

namespace rs::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int parseOrExit(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err() << "retrain-cli: " << parser.errorText() << " (see --help)" << Qt::endl;
        return kBadArguments;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText() << Qt::flush;
        return kSuccess;
    }
    return -1;
}

int fail(const QString &command, const QString &message, int code)
{
    err() << "retrain-cli: " << command << ": " << message << Qt::endl;
    return code;
}

NumberReader::NumberReader(const QCommandLineParser &parser, QString command)
    : m_parser(parser), m_command(std::move(command))
{
}

bool NumberReader::reject(const QCommandLineOption &option, const QString &range)
{
    if (m_ok)
        fail(m_command, QStringLiteral("--%1 needs %2, not '%3'").arg(option.names().constFirst(), range, m_parser.value(option)),
             kBadArguments);
    m_ok = false;
    return false;
}

int NumberReader::integer(const QCommandLineOption &option, int min, int max)
{
    bool parsed = false;
    const int value = m_parser.value(option).toInt(&parsed);
    if (!parsed || value < min || value > max)
        reject(option, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max));
    return value;
}

double NumberReader::real(const QCommandLineOption &option, double min, double max)
{
    bool parsed = false;
    const double value = m_parser.value(option).toDouble(&parsed);
    if (!parsed || !(value >= min && value <= max))
        reject(option, QStringLiteral("a number from %1 to %2").arg(min).arg(max));
    return value;
}

int NumberReader::integer(const QCommandLineOption &option)
{
    bool parsed = false;
    const int value = m_parser.value(option).toInt(&parsed);
    if (!parsed)
        reject(option, QStringLiteral("a whole number"));
    return value;
}

double NumberReader::real(const QCommandLineOption &option)
{
    bool parsed = false;
    const double value = m_parser.value(option).toDouble(&parsed);
    if (!parsed)
        reject(option, QStringLiteral("a number"));
    return value;
}

Progress::Progress(QString label, qint64 total, QString unit)
    : m_label(std::move(label)), m_unit(std::move(unit)), m_total(total), m_interactive(isatty(fileno(stderr)))
{
    m_clock.start();
}

void Progress::advance(qint64 done)
{
    m_done = done;
    const int decile = m_total > 0 ? int(10 * done / m_total) : 10;
    if (!m_interactive && decile == m_lastDecile)
        return;
    m_lastDecile = decile;
    const double seconds = m_clock.elapsed() / 1000.0;
    const double rate = seconds > 0 ? done / seconds : 0.0;
    const qint64 left = rate > 0 ? qint64((m_total - done) / rate) : 0;
    err() << (m_interactive ? "\r" : "") << m_label << ' ' << done << '/' << m_total << "  "
          << QString::number(rate, 'f', 1) << ' ' << m_unit << "/s  "
          << "time left " << QTime(0, 0).addSecs(int(left)).toString(QStringLiteral("h:mm:ss"))
          << (m_interactive ? "   " : "\n") << Qt::flush;
}

void Progress::finish()
{
    if (m_interactive)
        err() << Qt::endl;
}

} // namespace rs::cli
