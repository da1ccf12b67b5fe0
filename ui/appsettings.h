#pragma once

#include "apptheme.h"
#include "scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

struct GuiOptions;
class QSettings;

// What the window remembers between sessions: in the user's settings, or in the file GuiOptions
// names. With GuiOptions::useSettings off, or for a screenshot, nothing is read or written: every
// such start looks the same.
class AppSettings
{
public:
    static constexpr int defaultLimit = 2;

    // The scenario controls and view choices, as the window shows them.
    struct State
    {
        QList<Task> tasks;
        bool limited = true;
        int limit = defaultLimit;
        double timeScale = 1.0;
        int threads = 0; // 0: automatic
        Admission admission = Admission::Fifo;
        QList<Gate> gates; // a scenario file's, not remembered (nor are the tasks' gates)
        AppTheme::Theme theme = AppTheme::Theme::System;
        bool highContrast = false;
        bool workerLanes = false;
    };
    // The window's geometry and dock state, splitters and current tab, as Qt saves them.
    struct Layout
    {
        QByteArray geometry;
        QByteArray state;
        QByteArray mainSplitter;
        QByteArray rightSplitter;
        int tab = 0;
    };

    explicit AppSettings(const GuiOptions &options);
    ~AppSettings();

    bool isEnabled() const { return m_enabled; }
    // What a start shows: the values the command line gave, else the remembered ones, else the
    // defaults. Remembered values that do not make sense are replaced by the defaults.
    State startState(const GuiOptions &options) const;
    // Writes the state, except the values the command line gave that are still as given: an
    // option is for this start, only what the user changed in the window is remembered.
    void saveState(const State &state);
    // nullopt when nothing is remembered (settings off).
    std::optional<Layout> layout() const;
    // An empty geometry keeps the remembered one (a window still at its --size).
    void saveLayout(const Layout &layout);

    // Whether the lesson card was folded; nullopt when never chosen (or settings off).
    std::optional<bool> lessonCollapsed() const;
    void setLessonCollapsed(bool collapsed);

    QStringList recentFiles(int max) const;
    void setRecentFiles(const QStringList &files);
    // The folder the last file of a kind (`key`) was in; the documents folder at first.
    QString lastFolder(const QString &key) const;
    void rememberFolder(const QString &key, const QString &filePath);

private:
    std::unique_ptr<QSettings> open() const;

    QString m_file;
    bool m_enabled = true;
    State m_given; // the command line's values, for those in m_givenKeys
    QStringList m_givenKeys;
};
