#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

// The toolbar's run options in one row: "Limit concurrency to [N]", the time scale, and the
// "Lanes:" caption before the lane buttons.
class RunControls : public QWidget
{
    // Its strings belong to the main window in the translations.
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
public:
    explicit RunControls(QWidget *parent = nullptr);
    ~RunControls() override;

    // What Run uses: the limit when it is on, else 0 (unlimited). Compare always compares
    // against the limit.
    RunOptions options(bool compare) const;
    // Shows a scenario's limit (an unlimited one keeps N) and time scale.
    void setOptions(const RunOptions &options);
    void setLimit(bool limited, int limit);
    // A scale that is not a preset is added to the list, in order.
    void setTimeScale(double timeScale);
    double timeScale() const;
    bool isLimited() const;
    int limit() const;

private:
    QCheckBox *m_limitCheck = nullptr;
    QSpinBox *m_limitSpin = nullptr;
    QComboBox *m_timeScale = nullptr;
};
