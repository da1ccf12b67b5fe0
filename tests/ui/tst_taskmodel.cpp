#include "taskmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

QList<Task> durations(const QString &text)
{
    QString error;
    const auto tasks = ScenarioParser::parseDurations(text, &error);
    Q_ASSERT(tasks);
    return *tasks;
}

QList<double> durationsOf(const TaskModel &model)
{
    QList<double> out;
    for (const Task &task : model.tasks())
        out.append(task.duration);
    return out;
}

} // namespace

class tst_TaskModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelTester();
    void columnsAndDisplay();
    void durationCell_data();
    void durationCell();
    void invalidRowIsMarkedAndFixed();
    void labelAndMessage();
    void kindEdits();
    void setDurationsKeepsAttributes();
    void addRemoveMove();
    void emptyIsInvalid();
    void tasksFollowEveryEdit();
    void variantRoundTrip();
    void badVariantsAreDropped_data();
    void badVariantsAreDropped();
};

void tst_TaskModel::modelTester()
{
    TaskModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTasks(durations(QStringLiteral("5,1,8,3,4")));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.setData(model.index(1, TaskModel::DurationColumn), QStringLiteral("2.5")));
    QVERIFY(model.setData(model.index(1, TaskModel::DurationColumn), QStringLiteral("oops")));
    QVERIFY(model.setData(model.index(2, TaskModel::LabelColumn), QStringLiteral("fetch")));
    QVERIFY(model.insertRows(0, 2));
    QVERIFY(model.insertRows(model.rowCount(), 1));
    QVERIFY(model.removeRows(1, 3));
    QVERIFY(model.moveRows({}, 0, 2, {}, 4));
    QVERIFY(model.moveRows({}, 3, 1, {}, 0));
    QVERIFY(!model.moveRows({}, 1, 1, {}, 2)); // onto itself
    QVERIFY(model.moveUp(2));
    QVERIFY(model.moveDown(0));
    model.setDurations(durations(QStringLiteral("1,2,3,4,5,6,7")));
    model.setDurations(durations(QStringLiteral("9")));
    QCOMPARE(model.addTask(0), 1);
    model.setTasks({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_TaskModel::columnsAndDisplay()
{
    TaskModel model;
    model.setTasks(durations(QStringLiteral("5,0.25")));
    QCOMPARE(model.columnCount(), int(TaskModel::ColumnCount));
    QCOMPARE(model.headerData(TaskModel::DurationColumn, Qt::Horizontal).toString(),
             QStringLiteral("Duration (s)"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("2"));
    QCOMPARE(model.index(1, TaskModel::DurationColumn).data().toString(), QStringLiteral("0.25"));
    QCOMPARE(model.index(0, TaskModel::LabelColumn).data().toString(), QStringLiteral("5 s"));
    QVERIFY(model.index(0, TaskModel::LabelColumn).data(TaskModel::DerivedLabelRole).toBool());
    QCOMPARE(model.index(0, TaskModel::LabelColumn).data(Qt::EditRole).toString(), QString());
    QCOMPARE(model.index(0, TaskModel::KindColumn).data().toString(), QStringLiteral("sleep"));
    QVERIFY(model.flags(model.index(0, TaskModel::DurationColumn)) & Qt::ItemIsEditable);
    QCOMPARE(model.durationsText(), QStringLiteral("5,0.25"));
    QCOMPARE(model.totalDuration(), 5.25);
}

void tst_TaskModel::durationCell_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("integer") << QStringLiteral("8") << true << 8.0 << QString();
    QTest::newRow("fraction") << QStringLiteral(" 0.5 ") << true << 0.5 << QString();
    QTest::newRow("zero") << QStringLiteral("0") << true << 0.0 << QString();
    QTest::newRow("word") << QStringLiteral("x") << false << 0.0 << QStringLiteral("\"x\"");
    QTest::newRow("negative") << QStringLiteral("-1") << false << 0.0 << QStringLiteral("negative");
    QTest::newRow("empty") << QString() << false << 0.0 << QStringLiteral("empty");
    QTest::newRow("list") << QStringLiteral("1,2") << false << 0.0
                          << QStringLiteral("more than one value");
    QTest::newRow("huge") << QStringLiteral("1e9") << false << 0.0 << QStringLiteral("too large");
    QTest::newRow("nan") << QStringLiteral("nan") << false << 0.0 << QStringLiteral("finite");
}

void tst_TaskModel::durationCell()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    QFETCH(QString, reasonContains);

    TaskModel model;
    model.setTasks(durations(QStringLiteral("3")));
    const QModelIndex cell = model.index(0, TaskModel::DurationColumn);
    QVERIFY(model.setData(cell, text));
    QCOMPARE(model.isValid(), valid);
    if (valid) {
        QCOMPARE(model.task(0).duration, value);
        QVERIFY(model.rowError(0).isEmpty());
        QVERIFY(!cell.data(Qt::BackgroundRole).isValid());
    } else {
        QCOMPARE(cell.data().toString(), text.trimmed()); // kept as typed
        QVERIFY2(model.rowError(0).contains(reasonContains), qPrintable(model.rowError(0)));
        QVERIFY(model.rowError(0).startsWith(QStringLiteral("duration")));
        QVERIFY(cell.data(Qt::BackgroundRole).isValid());
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(model.rowError(0)));
        QCOMPARE(model.task(0).duration, 3.0); // the last valid value stays
    }
}

void tst_TaskModel::invalidRowIsMarkedAndFixed()
{
    TaskModel model;
    QSignalSpy validity(&model, &TaskModel::validityChanged);
    model.setTasks(durations(QStringLiteral("5,1,8")));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.takeFirst().at(0).toBool(), true);

    QVERIFY(model.setData(model.index(1, TaskModel::DurationColumn), QStringLiteral("abc")));
    QVERIFY(model.setData(model.index(2, TaskModel::DurationColumn), QStringLiteral("-2")));
    QCOMPARE(validity.size(), 1); // one change, not one per row
    QCOMPARE(validity.takeFirst().at(0).toBool(), false);
    QCOMPARE(model.invalidRowCount(), 2);
    QVERIFY(model.problem().startsWith(QStringLiteral("Task 2: duration \"abc\"")));
    QVERIFY(model.problem().contains(QStringLiteral("1 more")));
    // The whole row is tinted, the bad cell more so, and the row says why.
    QVERIFY(model.index(1, TaskModel::LabelColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(1, TaskModel::LabelColumn)
                     .data(TaskModel::ErrorRole)
                     .toString()
                     .isEmpty());
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("\u26A0 2"));
    QVERIFY(model.headerData(1, Qt::Vertical, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("abc")));
    QCOMPARE(model.durationsText(), QStringLiteral("5,abc,-2"));

    QVERIFY(model.setData(model.index(1, TaskModel::DurationColumn), QStringLiteral("1")));
    QVERIFY(model.setData(model.index(2, TaskModel::DurationColumn), 8.0));
    QCOMPARE(validity.size(), 1);
    QCOMPARE(validity.takeFirst().at(0).toBool(), true);
    QVERIFY(model.problem().isEmpty());
    QVERIFY(!model.index(1, TaskModel::LabelColumn).data(Qt::BackgroundRole).isValid());
}

void tst_TaskModel::labelAndMessage()
{
    TaskModel model;
    model.setTasks(durations(QStringLiteral("2")));
    QVERIFY(model.setData(model.index(0, TaskModel::LabelColumn), QStringLiteral(" fetch\nip ")));
    QCOMPARE(model.task(0).label(), QStringLiteral("fetch ip"));
    QCOMPARE(model.index(0, TaskModel::LabelColumn).data().toString(), QStringLiteral("fetch ip"));
    QVERIFY(!model.index(0, TaskModel::LabelColumn).data(TaskModel::DerivedLabelRole).toBool());

    QVERIFY(model.setData(model.index(0, TaskModel::LabelColumn), QString(300, QLatin1Char('a'))));
    QVERIFY(!model.isValid());
    QVERIFY(model.rowError(0).contains(QStringLiteral("label")));
    QVERIFY(model.setData(model.index(0, TaskModel::LabelColumn), QString()));
    QVERIFY(model.isValid());
    QCOMPARE(model.index(0, TaskModel::LabelColumn).data().toString(), QStringLiteral("2 s"));

    QVERIFY(model.setData(model.index(0, TaskModel::MessageColumn), QStringLiteral("done")));
    QCOMPARE(model.task(0).message(), QStringLiteral("done"));
    QVERIFY(model.setData(model.index(0, TaskModel::MessageColumn), QString()));
    QVERIFY(model.task(0).message().isNull()); // no message: the result is the duration again
    QVERIFY(!model.setData(model.index(0, TaskModel::LabelColumn), 7, Qt::DisplayRole));
}

void tst_TaskModel::kindEdits()
{
    TaskModel model;
    model.setTasks(durations(QStringLiteral("2")));
    QVERIFY(model.setData(model.index(0, TaskModel::KindColumn), QStringLiteral("cpu")));
    QCOMPARE(model.task(0).kind, TaskKind::Cpu);
    QVERIFY(model.isValid());
    QVERIFY(!model.setData(model.index(0, TaskModel::KindColumn), QStringLiteral("teleport")));
    QCOMPARE(model.task(0).kind, TaskKind::Cpu);
    QVERIFY(model.setData(model.index(0, TaskModel::KindColumn), QStringLiteral("http")));
    QVERIFY(!model.isValid()); // no URL to fetch
    QVERIFY(model.rowError(0).contains(QStringLiteral("URL")));

    Task http;
    http.kind = TaskKind::Http;
    http.setUrl(QStringLiteral("local:/ip"));
    model.setTasks({http});
    QVERIFY(model.isValid());
    QCOMPARE(model.tasks().constFirst().url(), QStringLiteral("local:/ip"));
}

void tst_TaskModel::setDurationsKeepsAttributes()
{
    TaskModel model;
    model.setTasks(durations(QStringLiteral("5,1,8")));
    QVERIFY(model.setData(model.index(0, TaskModel::LabelColumn), QStringLiteral("first")));
    QVERIFY(model.setData(model.index(1, TaskModel::MessageColumn), QStringLiteral("hi")));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setDurations(durations(QStringLiteral("5,2,8,3")));
    QCOMPARE(reset.size(), 0); // typing never resets the table
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 1);
    QCOMPARE(durationsOf(model), (QList<double>{5, 2, 8, 3}));
    QCOMPARE(model.task(0).label(), QStringLiteral("first"));
    QCOMPARE(model.task(1).message(), QStringLiteral("hi"));

    model.setDurations(durations(QStringLiteral("7")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.task(0).label(), QStringLiteral("first"));
    QCOMPARE(model.durationsText(), QStringLiteral("7"));
}

void tst_TaskModel::addRemoveMove()
{
    TaskModel model;
    model.setTasks(durations(QStringLiteral("5,1,8,3,4")));
    QCOMPARE(model.addTask(1), 2);
    QCOMPARE(durationsOf(model), (QList<double>{5, 1, 1, 8, 3, 4})); // copies the one above
    QCOMPARE(model.addTask(), 6);
    QCOMPARE(model.task(6).duration, 4.0);
    QVERIFY(model.removeRows(2, 1));
    QVERIFY(model.removeRows(5, 1));
    QCOMPARE(durationsOf(model), (QList<double>{5, 1, 8, 3, 4}));

    QVERIFY(model.moveUp(2));
    QCOMPARE(durationsOf(model), (QList<double>{5, 8, 1, 3, 4}));
    QVERIFY(model.moveDown(0));
    QCOMPARE(durationsOf(model), (QList<double>{8, 5, 1, 3, 4}));
    QVERIFY(!model.moveUp(0));
    QVERIFY(!model.moveDown(4));
    QVERIFY(model.moveRows({}, 3, 2, {}, 0));
    QCOMPARE(durationsOf(model), (QList<double>{3, 4, 8, 5, 1}));
    QCOMPARE(model.headerData(4, Qt::Vertical).toString(), QStringLiteral("5"));
    QVERIFY(!model.removeRows(4, 2));
    QVERIFY(!model.insertRows(-1, 1));
}

void tst_TaskModel::emptyIsInvalid()
{
    TaskModel model;
    QVERIFY(!model.isValid());
    QVERIFY(!model.problem().isEmpty());
    model.setTasks(durations(QStringLiteral("1")));
    QVERIFY(model.isValid());
    QVERIFY(model.removeRows(0, 1));
    QVERIFY(!model.isValid());
    QCOMPARE(model.problem(), QStringLiteral("Add at least one task."));
}

void tst_TaskModel::tasksFollowEveryEdit()
{
    // tasks() hands out one shared list until something changes; every change must show.
    TaskModel model;
    model.setTasks(durations(QStringLiteral("5,1,8")));
    const QList<Task> first = model.tasks();
    QCOMPARE(model.tasks().constData(), first.constData()); // unchanged: the same list
    QVERIFY(model.setData(model.index(1, TaskModel::DurationColumn), QStringLiteral("2.5")));
    QCOMPARE(durationsOf(model), (QList<double>{5, 2.5, 8}));
    QCOMPARE(first.at(1).duration, 1.0); // a list handed out earlier keeps what it had
    QVERIFY(model.setData(model.index(0, TaskModel::LabelColumn), QStringLiteral("fetch")));
    QCOMPARE(model.tasks().at(0).label(), QStringLiteral("fetch"));
    QVERIFY(model.setData(model.index(2, TaskModel::MessageColumn), QStringLiteral("hi")));
    QCOMPARE(model.tasks().at(2).message(), QStringLiteral("hi"));
    model.setDurations(durations(QStringLiteral("7,6,5,4")));
    QCOMPARE(durationsOf(model), (QList<double>{7, 6, 5, 4}));
    QCOMPARE(model.tasks().at(0).label(), QStringLiteral("fetch"));
    model.setDurations(durations(QStringLiteral("3")));
    QCOMPARE(durationsOf(model), (QList<double>{3}));
    QCOMPARE(model.addTask(), 1);
    QCOMPARE(durationsOf(model), (QList<double>{3, 3}));
    QVERIFY(model.moveDown(0));
    QCOMPARE(model.tasks().at(1).label(), QStringLiteral("fetch"));
    model.setTasks({});
    QVERIFY(model.tasks().isEmpty());
}

void tst_TaskModel::variantRoundTrip()
{
    Task http;
    http.kind = TaskKind::Http;
    http.duration = 2;
    http.setLabel(QStringLiteral("ip"));
    http.setUrl(QStringLiteral("local:/ip"));
    http.timeout = 3;
    Task sleep;
    sleep.duration = 1.5;
    sleep.setMessage(QStringLiteral("done"));
    for (const Task &task : {http, sleep}) {
        const auto back = TaskModel::taskFromVariant(TaskModel::taskToVariant(task));
        QVERIFY(back);
        QCOMPARE(back->kind, task.kind);
        QCOMPARE(back->duration, task.duration);
        QCOMPARE(back->label(), task.label());
        QCOMPARE(back->message(), task.message());
        QCOMPARE(back->message().isNull(), task.message().isNull());
        QCOMPARE(back->url(), task.url());
        QCOMPARE(back->timeout, task.timeout);
    }
}

void tst_TaskModel::badVariantsAreDropped_data()
{
    QTest::addColumn<QVariant>("value");
    auto map = [](const QString &kind, const QVariant &duration) {
        return QVariant(QVariantMap{{QStringLiteral("kind"), kind},
                                    {QStringLiteral("duration"), duration}});
    };
    QTest::newRow("not a map") << QVariant(QStringLiteral("5"));
    QTest::newRow("unknown kind") << map(QStringLiteral("teleport"), 1.0);
    QTest::newRow("no duration") << map(QStringLiteral("sleep"), QVariant());
    QTest::newRow("negative") << map(QStringLiteral("sleep"), -1.0);
    QTest::newRow("not finite") << map(QStringLiteral("sleep"), qInf());
    QTest::newRow("too long") << map(QStringLiteral("sleep"), ScenarioLimits::maxDuration * 2);
}

void tst_TaskModel::badVariantsAreDropped()
{
    QFETCH(QVariant, value);
    QVERIFY(!TaskModel::taskFromVariant(value));
}

QTEST_GUILESS_MAIN(tst_TaskModel)
#include "tst_taskmodel.moc"
