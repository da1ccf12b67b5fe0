#include "appsettings.h"

#include "guioptions.h"
#include "taskmodel.h"

#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace {

QList<Task> defaultTasks()
{
    QString ignored;
    return *ScenarioParser::parseDurations(u"5,1,8,3,4", &ignored);
}

} // namespace

AppSettings::AppSettings(const GuiOptions &options)
    : m_file(options.settingsFile)
    , m_enabled(options.useSettings && options.screenshotPath.isEmpty())
{
    if (options.tasks) {
        m_given.tasks = *options.tasks;
        m_givenKeys << QStringLiteral("scenario/tasks");
    }
    if (options.limit) {
        m_given.limited = *options.limit > 0;
        m_given.limit = *options.limit;
        m_givenKeys << QStringLiteral("scenario/limitEnabled");
        if (m_given.limited)
            m_givenKeys << QStringLiteral("scenario/limit");
    }
    if (options.timeScale) {
        m_given.timeScale = *options.timeScale;
        m_givenKeys << QStringLiteral("scenario/timeScale");
    }
    if (options.threads) {
        m_given.threads = *options.threads;
        m_givenKeys << QStringLiteral("scenario/threads");
    }
    if (options.admission) {
        m_given.admission = *options.admission;
        m_givenKeys << QStringLiteral("scenario/admission");
    }
    if (options.theme) {
        m_given.theme = *options.theme;
        m_givenKeys << QStringLiteral("view/theme");
    }
    if (options.highContrast) {
        m_given.highContrast = true;
        m_givenKeys << QStringLiteral("view/highContrast");
    }
}

AppSettings::~AppSettings() = default;

std::unique_ptr<QSettings> AppSettings::open() const
{
    if (!m_file.isEmpty())
        return std::make_unique<QSettings>(m_file, QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

AppSettings::State AppSettings::startState(const GuiOptions &options) const
{
    std::unique_ptr<QSettings> settings;
    if (m_enabled)
        settings = open();
    auto value = [&](const QString &key, const QVariant &fallback = {}) {
        return settings ? settings->value(key, fallback) : fallback;
    };

    State state;
    if (options.tasks) {
        state.tasks = *options.tasks;
    } else {
        const QVariantList saved = value(QStringLiteral("scenario/tasks")).toList();
        for (const QVariant &item : saved) {
            if (auto task = TaskModel::taskFromVariant(item))
                state.tasks.append(*task);
        }
        if (state.tasks.isEmpty())
            state.tasks = defaultTasks();
    }

    state.limited = value(QStringLiteral("scenario/limitEnabled"), true).toBool();
    state.limit = std::clamp(value(QStringLiteral("scenario/limit"), defaultLimit).toInt(), 1,
                             ScenarioLimits::maxLimit);
    if (options.limit) {
        state.limited = *options.limit > 0;
        if (state.limited)
            state.limit = *options.limit;
    }

    double scale = value(QStringLiteral("scenario/timeScale"), 1.0).toDouble();
    if (!std::isfinite(scale) || scale < ScenarioLimits::minTimeScale
        || scale > ScenarioLimits::maxTimeScale)
        scale = 1.0;
    state.timeScale = options.timeScale.value_or(scale);

    state.threads = std::clamp(value(QStringLiteral("scenario/threads"), 0).toInt(), 0,
                               ScenarioLimits::maxThreads);
    state.threads = options.threads.value_or(state.threads);
    state.admission = admissionFromName(value(QStringLiteral("scenario/admission")).toString())
                              .value_or(Admission::Fifo);
    state.admission = options.admission.value_or(state.admission);
    state.gates = options.gates;

    const auto theme = options.theme
                               ? options.theme
                               : AppTheme::fromName(value(QStringLiteral("view/theme")).toString());
    state.theme = theme.value_or(AppTheme::Theme::System);
    state.highContrast =
            options.highContrast || value(QStringLiteral("view/highContrast"), false).toBool();
    state.workerLanes = value(QStringLiteral("view/laneMode")).toString() == u"workers";
    return state;
}

void AppSettings::saveState(const State &state)
{
    if (!m_enabled)
        return;
    const auto settings = open();
    auto tasksVariant = [](const QList<Task> &list) {
        QVariantList tasks;
        for (const Task &task : list)
            tasks.append(TaskModel::taskToVariant(task));
        return tasks;
    };
    auto save = [&](const QString &key, const QVariant &value, const QVariant &given) {
        if (!m_givenKeys.contains(key) || value != given)
            settings->setValue(key, value);
    };
    save(QStringLiteral("scenario/tasks"), tasksVariant(state.tasks), tasksVariant(m_given.tasks));
    save(QStringLiteral("scenario/limitEnabled"), state.limited, m_given.limited);
    save(QStringLiteral("scenario/limit"), state.limit, m_given.limit);
    save(QStringLiteral("scenario/timeScale"), state.timeScale, m_given.timeScale);
    save(QStringLiteral("scenario/threads"), state.threads, m_given.threads);
    save(QStringLiteral("scenario/admission"), admissionName(state.admission),
         admissionName(m_given.admission));
    save(QStringLiteral("view/theme"), AppTheme::name(state.theme), AppTheme::name(m_given.theme));
    save(QStringLiteral("view/highContrast"), state.highContrast, m_given.highContrast);
    settings->setValue(QStringLiteral("view/laneMode"),
                       state.workerLanes ? QStringLiteral("workers") : QStringLiteral("tasks"));
}

std::optional<AppSettings::Layout> AppSettings::layout() const
{
    if (!m_enabled)
        return std::nullopt;
    const auto settings = open();
    Layout layout;
    layout.geometry = settings->value(QStringLiteral("window/geometry")).toByteArray();
    layout.state = settings->value(QStringLiteral("window/state")).toByteArray();
    layout.mainSplitter = settings->value(QStringLiteral("window/mainSplitter")).toByteArray();
    layout.rightSplitter = settings->value(QStringLiteral("window/rightSplitter")).toByteArray();
    layout.tab = settings->value(QStringLiteral("window/tab"), 0).toInt();
    return layout;
}

void AppSettings::saveLayout(const Layout &layout)
{
    if (!m_enabled)
        return;
    const auto settings = open();
    if (!layout.geometry.isEmpty())
        settings->setValue(QStringLiteral("window/geometry"), layout.geometry);
    settings->setValue(QStringLiteral("window/state"), layout.state);
    settings->setValue(QStringLiteral("window/mainSplitter"), layout.mainSplitter);
    settings->setValue(QStringLiteral("window/rightSplitter"), layout.rightSplitter);
    settings->setValue(QStringLiteral("window/tab"), layout.tab);
}

std::optional<bool> AppSettings::lessonCollapsed() const
{
    if (!m_enabled)
        return std::nullopt;
    const QVariant value = open()->value(QStringLiteral("lesson/collapsed"));
    if (!value.isValid())
        return std::nullopt;
    return value.toBool();
}

void AppSettings::setLessonCollapsed(bool collapsed)
{
    if (m_enabled)
        open()->setValue(QStringLiteral("lesson/collapsed"), collapsed);
}

QStringList AppSettings::recentFiles(int max) const
{
    if (!m_enabled)
        return {};
    return open()->value(QStringLiteral("recent/files")).toStringList().mid(0, max);
}

void AppSettings::setRecentFiles(const QStringList &files)
{
    if (m_enabled)
        open()->setValue(QStringLiteral("recent/files"), files);
}

QString AppSettings::lastFolder(const QString &key) const
{
    QString folder;
    if (m_enabled)
        folder = open()->value(key).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

void AppSettings::rememberFolder(const QString &key, const QString &filePath)
{
    if (m_enabled)
        open()->setValue(key, QFileInfo(filePath).absolutePath());
}
