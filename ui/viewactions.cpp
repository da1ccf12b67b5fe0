#include "viewactions.h"

#include "timelineview.h"
#include "uihelpers.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QToolBar>

ViewActions::ViewActions(TimelineView *timeline, QWidget *timelineSide, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
{
    setObjectName(QStringLiteral("viewActions"));
    auto *lanes = new QActionGroup(this);
    m_taskLanesAction = new QAction(tr("&Task Lanes"), lanes);
    m_taskLanesAction->setObjectName(QStringLiteral("taskLanesAction"));
    m_taskLanesAction->setCheckable(true);
    m_taskLanesAction->setChecked(true);
    m_taskLanesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    UiHelpers::setToolTipWithShortcut(m_taskLanesAction, tr("One lane per task"));
    m_workerLanesAction = new QAction(tr("&Worker Lanes"), lanes);
    m_workerLanesAction->setObjectName(QStringLiteral("workerLanesAction"));
    m_workerLanesAction->setCheckable(true);
    m_workerLanesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    UiHelpers::setToolTipWithShortcut(m_workerLanesAction,
                                      tr("One lane per pool thread: see the limit's slots fill"));
    // The lane buttons say "Tasks" and "Workers": the menu says what kind of lanes.
    m_taskLanesAction->setIconText(tr("Tasks"));
    m_workerLanesAction->setIconText(tr("Workers"));

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setObjectName(QStringLiteral("zoomInAction"));
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    UiHelpers::setToolTipWithShortcut(m_zoomInAction, tr("Zoom into the timeline"));
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setObjectName(QStringLiteral("zoomOutAction"));
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    UiHelpers::setToolTipWithShortcut(m_zoomOutAction, tr("Zoom out of the timeline"));
    m_fitAction = new QAction(tr("&Fit"), this);
    m_fitAction->setObjectName(QStringLiteral("fitAction"));
    m_fitAction->setShortcuts({QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_0)});
    UiHelpers::setToolTipWithShortcut(m_fitAction, tr("Show the whole run"));
    m_fitAction->setIconText(UiHelpers::buttonText(m_fitAction));
    for (QAction *action : {m_zoomInAction, m_zoomOutAction, m_fitAction}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        timelineSide->addAction(action);
    }

    m_themeGroup = new QActionGroup(this);
    for (auto [theme, text] : {std::pair{AppTheme::Theme::System, tr("&System")},
                               std::pair{AppTheme::Theme::Light, tr("&Light")},
                               std::pair{AppTheme::Theme::Dark, tr("&Dark")}}) {
        auto *action = new QAction(text, m_themeGroup);
        action->setCheckable(true);
        action->setData(int(theme));
        action->setObjectName(QStringLiteral("theme-") + AppTheme::name(theme));
        connect(action, &QAction::triggered, this, [theme = theme] { AppTheme::apply(theme); });
    }
    m_highContrastAction = new QAction(tr("High &Contrast"), this);
    m_highContrastAction->setObjectName(QStringLiteral("highContrastAction"));
    m_highContrastAction->setCheckable(true);
    m_highContrastAction->setToolTip(
            tr("Black and white with strong colours and thicker lines, in any theme"));
    connect(m_highContrastAction, &QAction::toggled, this, &AppTheme::setHighContrast);

    connect(m_timeline, &TimelineView::laneModeChanged, this, [this](TimelineLaneMode mode) {
        (mode == TimelineLaneMode::Tasks ? m_taskLanesAction : m_workerLanesAction)
                ->setChecked(true);
    });
    connect(m_taskLanesAction, &QAction::triggered, this,
            [this] { m_timeline->setLaneMode(TimelineLaneMode::Tasks); });
    connect(m_workerLanesAction, &QAction::triggered, this,
            [this] { m_timeline->setLaneMode(TimelineLaneMode::Workers); });
    connect(m_zoomInAction, &QAction::triggered, m_timeline, &TimelineView::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_timeline, &TimelineView::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_timeline, &TimelineView::fit);
}

ViewActions::~ViewActions() = default;

void ViewActions::fillMenu(QMenu *view) const
{
    view->addAction(m_taskLanesAction);
    view->addAction(m_workerLanesAction);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    QMenu *theme = view->addMenu(tr("T&heme"));
    theme->addActions(m_themeGroup->actions());
    view->addAction(m_highContrastAction);
}

void ViewActions::addToToolBar(QToolBar *bar) const
{
    bar->addAction(m_taskLanesAction);
    bar->addAction(m_workerLanesAction);
    bar->addSeparator();
    bar->addAction(m_fitAction);
}

void ViewActions::showTheme(AppTheme::Theme theme)
{
    const auto actions = m_themeGroup->actions();
    for (QAction *action : actions)
        action->setChecked(action->data().toInt() == int(theme));
    m_highContrastAction->setChecked(AppTheme::highContrast());
}
