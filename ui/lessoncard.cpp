#include "lessoncard.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {

// The folded card's caption, written bottom to top like a book's spine; a click opens the card.
class SpineLabel : public QWidget
{
public:
    SpineLabel(const QString &text, QWidget *parent)
        : QWidget(parent)
        , m_text(text)
    {
        setCursor(Qt::PointingHandCursor);
    }
    void setText(const QString &text)
    {
        m_text = text;
        updateGeometry();
        update();
    }
    std::function<void()> clicked;

    QSize sizeHint() const override
    {
        const QFontMetrics fm(font());
        return {fm.height() + 4, fm.horizontalAdvance(m_text) + 16};
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setPen(palette().color(QPalette::WindowText));
        p.translate(0, height());
        p.rotate(-90);
        p.drawText(QRect(0, 0, height(), width()), Qt::AlignCenter, m_text);
    }
    void mousePressEvent(QMouseEvent *) override
    {
        if (clicked)
            clicked();
    }

private:
    QString m_text;
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

LessonCard::LessonCard(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("lessonCard"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Lesson"));

    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("lessonToggle"));
    m_toggle->setAutoRaise(true);
    connect(m_toggle, &QToolButton::clicked, this, [this] { setCollapsed(!m_collapsed); });
    m_heading = new QLabel(tr("Lesson"), this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    auto *spine = new SpineLabel(tr("Lesson"), this);
    spine->clicked = [this] { setCollapsed(false); };
    m_strip = spine;

    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(8, 0, 8, 8);
    m_title = wrappedLabel(body);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_text = wrappedLabel(body);
    m_text->setObjectName(QStringLiteral("lessonText"));

    auto *codeHeader = new QHBoxLayout;
    auto *codeCaption = wrappedLabel(body);
    codeCaption->setText(tr("In Python asyncio (3.9+):"));
    m_copy = new QPushButton(tr("&Copy"), body);
    m_copy->setObjectName(QStringLiteral("lessonCopy"));
    m_copy->setToolTip(tr("Copy the Python code to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (!m_lesson)
            return;
        QApplication::clipboard()->setText(m_lesson->code);
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copy, [this] { m_copy->setText(tr("&Copy")); });
    });
    codeHeader->addWidget(codeCaption, 1);
    codeHeader->addWidget(m_copy);

    m_code = new QPlainTextEdit(body);
    m_code->setObjectName(QStringLiteral("lessonCode"));
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_code->setAccessibleName(tr("Python code"));
    m_code->setTabChangesFocus(true);
    m_code->setMinimumHeight(QFontMetrics(m_code->font()).lineSpacing() * 6);
    m_code->setFixedHeight(QFontMetrics(m_code->font()).lineSpacing() * 12 + 12);

    auto *expected = new QLabel(tr("Expected:"), body);
    expected->setFont(headingFont);
    m_outcomeLayout = new QVBoxLayout;
    m_outcomeLayout->setSpacing(6);

    bodyLayout->addWidget(m_title);
    bodyLayout->addWidget(m_text);
    bodyLayout->addSpacing(4);
    bodyLayout->addWidget(expected);
    bodyLayout->addLayout(m_outcomeLayout);
    bodyLayout->addSpacing(4);
    bodyLayout->addLayout(codeHeader);
    bodyLayout->addWidget(m_code);
    bodyLayout->addStretch(1);

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("lessonScroll"));
    m_scroll->setWidget(body);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(2, 2, 2, 0);
    header->addWidget(m_toggle);
    header->addWidget(m_heading, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_strip, 0, Qt::AlignHCenter);
    layout->addWidget(m_scroll, 1);
    layout->addStretch(0);

    updateToggle();
    setVisible(false);
}

LessonCard::~LessonCard() = default;

void LessonCard::setLesson(const std::optional<Lesson> &lesson)
{
    m_lesson = lesson;
    m_checks.clear();
    if (!m_lesson) {
        setVisible(false);
        return;
    }
    m_title->setText(m_lesson->title);
    m_text->setText(m_lesson->text);
    m_code->setPlainText(m_lesson->code);
    showOutcomes();
    setVisible(true);
}

void LessonCard::setChecks(const QList<OutcomeCheck> &checks)
{
    if (!m_lesson)
        return;
    m_checks = checks;
    showOutcomes();
}

void LessonCard::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    m_collapsed = collapsed;
    updateToggle();
    Q_EMIT collapsedChanged(collapsed);
}

QSize LessonCard::sizeHint() const
{
    QSize size = QFrame::sizeHint();
    size.setWidth(m_collapsed ? maximumWidth() : openWidth);
    return size;
}

void LessonCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_lesson)
        showOutcomes();
}

QString LessonCard::runTag(const LessonOutcome &outcome) const
{
    const RunOptions &options = m_lesson->options;
    if (!options.isLimited() && !options.hasGates())
        return QString();
    switch (outcome.run) {
    case LessonRun::Unlimited:
        return RunOptions{}.displayName();
    case LessonRun::Limited:
        return options.displayName();
    case LessonRun::Both:
        break;
    }
    return tr("compared");
}

void LessonCard::showOutcomes()
{
    qDeleteAll(m_outcomeLabels);
    m_outcomeLabels.clear();
    const bool dark = isDark(palette());
    const QString good = dark ? QStringLiteral("#7fd88f") : QStringLiteral("#1b7a2e");
    const QString bad = dark ? QStringLiteral("#ff8a80") : QStringLiteral("#b3261e");
    for (qsizetype k = 0; k < m_lesson->outcomes.size(); ++k) {
        const LessonOutcome &o = m_lesson->outcomes.at(k);
        const OutcomeCheck check = m_checks.value(k);
        QString mark = QStringLiteral("\u00B7");
        QString state = tr("not run yet");
        QString colour;
        if (check.state == OutcomeCheck::State::Reproduced) {
            mark = QStringLiteral("\u2713");
            state = tr("reproduced");
            colour = good;
        } else if (check.state == OutcomeCheck::State::NotReproduced) {
            mark = QStringLiteral("\u2717");
            state = tr("not reproduced");
            colour = bad;
        }
        const QString tag = runTag(o);
        const QString claim = tag.isEmpty() ? o.claim : tr("%1: %2").arg(tag, o.claim);
        const QString detail = check.measured.isEmpty() ? state : check.measured;
        const QString markHtml =
                colour.isEmpty() ? QStringLiteral("<b>%1</b>").arg(mark)
                                 : QStringLiteral("<b style=\"color:%1\">%2</b>").arg(colour, mark);
        auto *label = wrappedLabel(m_outcomeLayout->parentWidget());
        label->setObjectName(QStringLiteral("lessonOutcome%1").arg(k));
        label->setTextFormat(Qt::RichText);
        label->setText(QStringLiteral("%1&nbsp;%2<br><small>%3</small>")
                               .arg(markHtml, claim.toHtmlEscaped(), detail.toHtmlEscaped()));
        label->setAccessibleName(tr("%1: %2").arg(state, claim));
        label->setAccessibleDescription(detail);
        label->setToolTip(tr("%1 (%2)").arg(claim, state));
        m_outcomeLayout->addWidget(label);
        m_outcomeLabels.append(label);
    }
    showTally();
}

// The folded card still says how the last run went: "Lesson · ✓ 3 of 4".
void LessonCard::showTally()
{
    const qsizetype reproduced =
            std::count_if(m_checks.cbegin(), m_checks.cend(), [](const OutcomeCheck &c) {
                return c.state == OutcomeCheck::State::Reproduced;
            });
    const bool checked = std::any_of(m_checks.cbegin(), m_checks.cend(), [](const OutcomeCheck &c) {
        return c.state != OutcomeCheck::State::NotRun;
    });
    const QString tally =
            QStringLiteral("\u2713 ") + tr("%1 of %2").arg(reproduced).arg(m_checks.size());
    static_cast<SpineLabel *>(m_strip)->setText(
            checked ? tr("Lesson") + QStringLiteral(" \u00B7 ") + tally : tr("Lesson"));
    m_strip->setToolTip(checked ? tr("%1 of %2 expected outcomes reproduced")
                                          .arg(reproduced)
                                          .arg(m_checks.size())
                                : tr("Show the lesson"));
}

void LessonCard::updateToggle()
{
    m_toggle->setArrowType(m_collapsed ? Qt::LeftArrow : Qt::RightArrow);
    const QString text = m_collapsed ? tr("Show the lesson") : tr("Hide the lesson");
    m_toggle->setToolTip(text);
    m_toggle->setAccessibleName(text);
    m_heading->setVisible(!m_collapsed);
    m_scroll->setVisible(!m_collapsed);
    m_strip->setVisible(m_collapsed);
    if (m_collapsed) {
        setMinimumWidth(0);
        setMaximumWidth(m_toggle->sizeHint().width() + 8);
    } else {
        setMinimumWidth(240);
        setMaximumWidth(QWIDGETSIZE_MAX);
    }
}
