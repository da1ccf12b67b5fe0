#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// What tst_monkey types and opens: valid input mostly small enough that runs finish at a fast time
// scale, and hostile input (huge, negative and non-numbers, unicode, control characters, very long
// text, empty). Every choice is drawn from the one generator, so a seed replays it.
class MonkeyInput
{
public:
    explicit MonkeyInput(quint32 seed)
        : m_rng(seed)
    {
    }

    QRandomGenerator &rng() { return m_rng; }
    // [0, bound)
    int below(int bound) { return bound > 0 ? int(m_rng.bounded(quint32(bound))) : 0; }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    template<typename T>
    const T &pick(const QList<T> &items)
    {
        return items.at(below(int(items.size())));
    }

    // A short list of durations that runs in a moment at a fast time scale ("0.5,1.2,3").
    QString durationList();
    // One duration as a user might type it, valid or not.
    QString duration();
    // Anything at all: hostile strings, numbers out of range, unicode, control characters, very
    // long texts, empty.
    QString hostileText();
    // Valid or hostile, for a field whose valid values are `valid`.
    QString fieldText(const QStringList &valid);
    // A number as text for a spin box: in range, out of range, negative, not a number.
    QString spinText(int maximum);
    // A URL for an http task: the embedded endpoint (fast, local), nowhere reachable, or junk.
    QString url();
    // A sweep's limits field: "1..4", "2,4,8", or junk.
    QString sweepLimits();
    // A fast time scale for runs that should finish within a few hundred milliseconds.
    double fastTimeScale();

    // `good` damaged: cut short, bytes flipped, numbers made huge, negative or NaN, or replaced by
    // garbage, empty, or a gzip header over junk.
    QByteArray damaged(const QByteArray &good);

private:
    QString hostileNumber();
    QString unicodeJunk(int length);

    QRandomGenerator m_rng;
};
