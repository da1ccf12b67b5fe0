#pragma once

#include "apptheme.h"

#include <QCoreApplication>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QToolBar;
class TimelineView;

// The View menu: task or worker lanes, zoom and fit on the timeline, the theme and high
// contrast. The lane actions follow the timeline when it changes its lane mode itself.
class ViewActions : public QObject
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    // Zoom and fit are shortcuts of `timelineSide` (the timeline and the tabs below it) only, so
    // typing "f" in the task table still edits a cell.
    ViewActions(TimelineView *timeline, QWidget *timelineSide, QObject *parent);
    ~ViewActions() override;

    void fillMenu(QMenu *view) const;
    // The lane buttons ("Tasks", "Workers"), a separator and Fit.
    void addToToolBar(QToolBar *bar) const;
    // Checks the theme's action, and High Contrast as AppTheme has it; AppTheme applies them.
    void showTheme(AppTheme::Theme theme);

private:
    TimelineView *m_timeline = nullptr;
    QAction *m_taskLanesAction = nullptr;
    QAction *m_workerLanesAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_highContrastAction = nullptr;
};
