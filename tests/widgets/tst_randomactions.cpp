#include <QTest>
class TestRandomActions : public QObject { Q_OBJECT };
QTEST_MAIN(TestRandomActions)
#include "tst_randomactions.moc"
