#include "snapshotid.h"

#include <QRandomGenerator>

namespace SnapshotId {

QString make(EpochMs at, quint64 randA, quint64 randB)
{
    const quint64 ms = quint64(at) & 0xFFFFFFFFFFFFULL;
    const quint64 high = (ms << 16) | (0x7ULL << 12) | (randA & 0xFFFULL);
    const quint64 low = (0x2ULL << 62) | (randB & 0x3FFFFFFFFFFFFFFFULL);
    char text[37];
    static const char hex[] = "0123456789abcdef";
    int pos = 0;
    const auto put = [&](quint64 value, int nibbles) {
        for (int i = nibbles - 1; i >= 0; --i)
            text[pos++] = hex[(value >> (i * 4)) & 0xF];
    };
    put(high >> 32, 8);
    text[pos++] = '-';
    put((high >> 16) & 0xFFFF, 4);
    text[pos++] = '-';
    put(high & 0xFFFF, 4);
    text[pos++] = '-';
    put(low >> 48, 4);
    text[pos++] = '-';
    put(low & 0xFFFFFFFFFFFFULL, 12);
    return QString::fromLatin1(text, 36);
}

QString generate(EpochMs at)
{
    QRandomGenerator *random = QRandomGenerator::system();
    return make(at, random->generate64(), random->generate64());
}

bool isWellFormed(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const QChar c = text.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F'))) {
            return false;
        }
    }
    return true;
}

EpochMs timestampOf(const QString &id)
{
    if (!isWellFormed(id) || id.at(14) != u'7')
        return -1;
    QString hex = id.left(8) + id.mid(9, 4);
    bool ok = false;
    const qint64 ms = hex.toLongLong(&ok, 16);
    return ok ? ms : -1;
}

} // namespace SnapshotId
