#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <thread>

// Reads `fd` (a pipe's or a FIFO's read end) to its end on a thread of its own, so that a writer
// under test never blocks on a full pipe.
class Drain
{
public:
    explicit Drain(int fd);
    ~Drain();
    Drain(const Drain &) = delete;
    Drain &operator=(const Drain &) = delete;

    // Waits for end of file. A join (std::thread), so ThreadSanitizer sees the hand-off of the
    // data.
    QByteArray take();

private:
    QByteArray m_data;
    std::thread m_thread;
};

// A FIFO made at `path` and drained. The read end opens first (non-blocking), and a keeper write
// end holds the FIFO open until take(), so the reader sees end of file only after the writer
// under test has closed its end as well.
class FifoDrain
{
public:
    explicit FifoDrain(const QString &path);
    ~FifoDrain();
    FifoDrain(const FifoDrain &) = delete;
    FifoDrain &operator=(const FifoDrain &) = delete;

    // The FIFO was made, both ends opened, and the reader runs.
    bool isOpen() const { return bool(m_drain); }
    // Closes the keeper end and returns all that was written into the FIFO.
    QByteArray take();

private:
    int m_readFd = -1;
    int m_keeper = -1;
    std::unique_ptr<Drain> m_drain;
};
