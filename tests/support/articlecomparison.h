#pragma once

#include "runsession.h"
#include "scenario.h"

#include <QSignalSpy>

// The fixture several tests read, write and draw: the article's 5,1,8,3,4 compared unlimited
// against limit 2 at 1 s = 10 ms, run to its end in `session`. False when it did not start or did
// not end within 30 s.
inline bool runArticleComparison(RunSession &session)
{
    QString error;
    Scenario scenario;
    scenario.tasks = *ScenarioParser::parseDurations(u"5,1,8,3,4", &error);
    scenario.options.limit = 2;
    scenario.options.timeScale = 0.01;
    QSignalSpy finished(&session, &RunSession::finished);
    return session.start(scenario, true) && finished.wait(30000);
}
