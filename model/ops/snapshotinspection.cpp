#include "snapshotinspection.h"

#include <QJsonArray>
#include <QJsonObject>

#include "domain/pii.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"

namespace SnapshotInspection {

Result<InspectedSnapshot> inspect(SnapshotStore &store, const QString &id, bool mask, const QStringList &revealed,
    const QHash<QString, QJsonValue> &revealedValues)
{
    InspectedSnapshot inspected;
    Result<Snapshot> loaded = store.load(id);
    if (!loaded) {
        if (!loaded.error().isIntegrityError())
            return loaded.error();
        auto header = store.header(id);
        if (!header)
            return header.error();
        inspected.header = std::move(header).value();
        inspected.integrityError = loaded.error();
        return inspected;
    }
    inspected.header = std::move(loaded->header);
    auto tree = JsonTree::parse(loaded->payload);
    if (!tree) {
        // Verified bytes that do not parse were written wrong, not damaged later: still an integrity problem.
        inspected.integrityError = Error { Error::Code::ChecksumMismatch,
            QStringLiteral("the payload is not JSON: %1").arg(tree.error().message) };
        return inspected;
    }
    inspected.tree = *tree;
    inspected.withheld = loaded->withheld;
    const QStringList personal = Pii::personalPointers((*tree)->root(), inspected.header.kind);
    inspected.personalPointers = personal;
    if (inspected.withheld && !revealedValues.isEmpty()) {
        QJsonValue root = (*tree)->root();
        for (auto it = revealedValues.begin(); it != revealedValues.end(); ++it)
            root = Pii::placed(root, it.key(), it.value());
        inspected.tree = JsonTree::fromValue(root);
    }
    if (mask) {
        for (const QString &pointer : personal) {
            const QString field = pointer.section(u'/', -1);
            if (!revealed.contains(field) && !inspected.maskedFields.contains(field))
                inspected.maskedFields.append(field);
        }
        if (!inspected.maskedFields.isEmpty())
            inspected.tree = JsonTree::fromValue(Pii::masked(inspected.tree->root(), inspected.header.kind, revealed));
    }
    const QJsonValue &root = inspected.tree->root();
    inspected.prettyText = QString::fromUtf8(CanonicalJson::indented(root));
    return inspected;
}

Result<std::optional<SnapshotHeader>> neighbour(SnapshotStore &store, const SnapshotHeader &of, bool older)
{
    SnapshotQuery query;
    query.tenant = of.tenant;
    query.kind = of.kind;
    query.entityId = of.entityId;
    PageRequest request;
    request.order = older ? SortOrder::NewestFirst : SortOrder::OldestFirst;
    request.after = PageCursor { of.takenAt, of.id };
    request.limit = 1;
    auto page = store.listHeaders(query, request);
    if (!page)
        return page.error();
    if (page->headers.isEmpty())
        return std::optional<SnapshotHeader>();
    return std::optional<SnapshotHeader>(page->headers.constFirst());
}

} // namespace SnapshotInspection
