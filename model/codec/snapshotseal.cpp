#include "snapshotseal.h"

#include "codec/sha256.h"

namespace SnapshotSeal {

QString of(const SnapshotHeader &h)
{
    // Fields separated by a byte none of them contains; the version tag lets a later seal cover more. Version 2 is a
    // row kept apart (issue 26): it covers the stored form's checksum too, so the withheld payload and its checksum
    // cannot be swapped together unseen by a login that verifies only the withheld form.
    const QByteArray identity = h.id.toLower().toUtf8() + '\x1f' + h.tenant.toUtf8() + '\x1f' + h.kind.toUtf8() + '\x1f'
        + h.entityId.toUtf8() + '\x1f' + QByteArray::number(h.takenAt) + '\x1f' + h.checksum.toLower().toLatin1();
    const QByteArray sealed = h.withheldChecksum.isEmpty()
        ? QByteArray("snapscope-seal-1\x1f" + identity)
        : QByteArray("snapscope-seal-2\x1f" + identity + '\x1f' + h.withheldChecksum.toLower().toLatin1());
    return QString::fromLatin1(Sha256::hash(sealed).toHex());
}

Status check(const SnapshotHeader &h)
{
    if (h.checksum.isEmpty())
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("snapshot %1: no checksum is stored, so its payload cannot be verified").arg(h.id) };
    if (h.seal.isEmpty())
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("snapshot %1: no seal is stored, so its checksum cannot be tied to it").arg(h.id) };
    if (h.seal.compare(of(h), Qt::CaseInsensitive) != 0)
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("snapshot %1: its checksum belongs to another row or was altered (the seal over id, "
                           "tenant, kind, entity, time and checksums does not match)")
                .arg(h.id) };
    return {};
}

} // namespace SnapshotSeal
