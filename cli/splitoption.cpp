#include "splitoption.h"

#include "cli.h"
#include "terminal.h"
#include "training/settingrules.h"

namespace rs::cli {

SplitOption::SplitOption(QCommandLineParser &parser)
    : m_parser(parser)
    , m_validation({QStringLiteral("validation-percentage"), QStringLiteral("validation_percentage")},
                   QStringLiteral("Percent of images held out for validation (default %1).")
                       .arg(defaultText(Setting::ValidationPercent)),
                   QStringLiteral("P"), defaultText(Setting::ValidationPercent))
    , m_testing({QStringLiteral("testing-percentage"), QStringLiteral("testing_percentage")},
                QStringLiteral("Percent of images held out for the final test (default %1).")
                    .arg(defaultText(Setting::TestPercent)),
                QStringLiteral("P"), defaultText(Setting::TestPercent))
    , m_key(QStringLiteral("split-key"),
            QStringLiteral("What an image's set is hashed from (default file-name). file-name: the file's name, so "
                           "an image keeps its set when folders are moved or renamed. retrain-py: the path "
                           "TensorFlow retrain.py hashes, IMAGE_DIR/CLASS/FILE with IMAGE_DIR spelled as given "
                           "here, taking only the files retrain.py collects (*.jpg, *.jpeg, *.JPG, *.JPEG, *.png "
                           "directly in a class folder): the same split as retrain.py run with the same "
                           "--image_dir."),
            QStringLiteral("KEY"), QLatin1String(splitKeyName(SplitKey::FileName)))
{
    parser.addOption(m_validation);
    parser.addOption(m_testing);
    parser.addOption(m_key);
}

bool SplitOption::read(const QString &command, SplitOptions &split) const
{
    NumberReader number(m_parser, command);
    split.validationPercent = number.real(m_validation);
    split.testPercent = number.real(m_testing);
    if (!number.ok())
        return false;
    const auto key = parseSplitKey(m_parser.value(m_key));
    if (!key) {
        fail(command, QStringLiteral("--split-key must be one of: ") + splitKeyNames().join(QStringLiteral(", ")),
             kBadArguments);
        return false;
    }
    split.key = *key;
    if (const std::vector<SettingProblem> problems = checkSplit(split); !problems.empty()) {
        fail(command, problems.front().message, kBadArguments);
        return false;
    }
    return true;
}

} // namespace rs::cli
