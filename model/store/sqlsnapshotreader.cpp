#include "sqlsnapshotreader.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

#include "codec/snapshotseal.h"
#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "domain/snapshotid.h"
#include "json/canonicaljson.h"
#include "json/jsonpatch.h"
#include "json/strictjson.h"

const QString &SqlSnapshotReader::headerColumns()
{
    static const QString columns = QStringLiteral(
        "id, tenant_id, kind, entity_id, version, taken_at, snapshot_type, created_by, \"trigger\", previous_id, "
        "event_seq, base_id, codec, raw_size, stored_size, checksum, summary, pinned, deleted_at, seal, "
        "withheld_checksum");
    return columns;
}

Result<QList<SnapshotHeader>> SqlSnapshotReader::readHeaders(QSqlQuery &query, bool oldestFirst) const
{
    QList<SnapshotHeader> headers;
    while (query.next()) {
        headers.append(readHeader(query));
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading snapshot headers"), query);
    if (oldestFirst)
        sortOldestFirst(headers);
    if (Status restored = restoreSummaries(headers); !restored)
        return restored.error();
    return headers;
}

Status SqlSnapshotReader::restoreSummaries(QList<SnapshotHeader> &headers) const
{
    // An admin reads a summary whole, as on a local file: its withheld fields, for the headers that have any, in one
    // query per few hundred. Others read it withheld; nothing is apart on a local file.
    if (!m_personal.splits() || !m_personal.readable())
        return {};
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QJsonObject &summary = headers.at(i).summary;
        if (std::any_of(summary.begin(), summary.end(), [](const QJsonValue &v) { return v == Pii::Withheld; }))
            at.insert(headers.at(i).id, i);
    }
    const QStringList ids = at.keys();
    constexpr qsizetype Chunk = 500;
    for (qsizetype first = 0; first < ids.size(); first += Chunk) {
        const QStringList chunk = ids.mid(first, Chunk);
        QVariantList values;
        for (const QString &id : chunk)
            values.append(id);
        auto fields = m_sql.rows(QStringLiteral("reading the summaries' personal fields"),
            QStringLiteral("SELECT snapshot_id, field, value FROM personal_fields WHERE field LIKE 'summary:%' AND "
                           "snapshot_id IN (%1)")
                .arg(QStringList(chunk.size(), m_sql.dialect().uuidParameter()).join(u", ")),
            values, [](const QSqlQuery &q) {
                return std::pair { q.value(0).toString(),
                    Pii::WithheldField { q.value(1).toString(), SqlPersonalFields::fromStored(q.value(2)) } };
            });
        if (!fields)
            return fields.error();
        for (const auto &[id, field] : std::as_const(*fields)) {
            SnapshotHeader &h = headers[at.value(id)];
            h.summary = Pii::placed(h.summary, field.field, field.value).toObject();
        }
    }
    return {};
}

SnapshotHeader SqlSnapshotReader::readHeader(const QSqlQuery &query)
{
    SnapshotHeader h;
    using SqlValues::parseObject;
    h.id = query.value(0).toString();
    h.tenant = query.value(1).toString();
    h.kind = query.value(2).toString();
    h.entityId = query.value(3).toString();
    h.version = query.value(4).toInt();
    h.takenAt = query.value(5).toLongLong();
    h.type = query.value(6).toString();
    h.createdBy = query.value(7).toString();
    h.trigger = parseObject(query.value(8));
    h.previousId = query.value(9).toString();
    if (!query.value(10).isNull())
        h.eventSeq = query.value(10).toLongLong();
    h.baseId = query.value(11).toString();
    h.codec = query.value(12).toString();
    h.rawSize = query.value(13).toLongLong();
    h.storedSize = query.value(14).toLongLong();
    h.checksum = query.value(15).toString();
    h.summary = parseObject(query.value(16));
    h.pinned = query.value(17).toBool();
    if (!query.value(18).isNull())
        h.deletedAt = query.value(18).toLongLong();
    h.seal = query.value(19).toString();
    h.withheldChecksum = query.value(20).toString();
    return h;
}

namespace {

// ASCII letters of text in upper or lower case; other characters as they are (SQLite's lower() folds only ASCII).
QString asciiCase(const QString &text, bool upper)
{
    QString result = text;
    for (QChar &c : result) {
        if (upper && c >= u'a' && c <= u'z')
            c = QChar(c.unicode() - (u'a' - u'A'));
        else if (!upper && c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + (u'a' - u'A'));
    }
    return result;
}

// The first text after every text that starts with prefix (in binary order): the prefix followed by the highest
// code point.
QString prefixEnd(const QString &prefix)
{
    return prefix + QString::fromUcs4(U"\U0010FFFF");
}

// An entity id prefix (the timeline's filter, the navigator's search), case-insensitive.
void appendEntityPrefix(const QString &prefix, bool sqlite, QStringList &where, QVariantList &values)
{
    // lower() on both sides folds alike on each backend (ASCII letters in SQLite, every
    // letter in PostgreSQL). The range before it holds every case variant of the prefix in binary order
    // (upper-case ASCII sorts before lower-case), so an index on entity_id can narrow the rows; the lower()
    // term then keeps the exact matches. PostgreSQL compares text in the database's collation, where that range
    // does not hold, so there the lower() term alone decides.
    if (sqlite) {
        where << QStringLiteral("entity_id >= ? AND entity_id < ?");
        values << asciiCase(prefix, true) << prefixEnd(asciiCase(prefix, false));
    }
    where << QStringLiteral("lower(substr(entity_id, 1, ?)) = lower(?)");
    values << qsizetype(prefix.toUcs4().size()) << prefix;
}

// The WHERE terms and their bound values for a query's filters (every filter goes into the SQL).
void appendFilters(const SnapshotQuery &q, bool sqlite, QStringList &where, QVariantList &values)
{
    where << QStringLiteral("tenant_id = ?");
    values << q.tenant;
    if (!q.kind.isEmpty()) {
        where << QStringLiteral("kind = ?");
        values << q.kind;
    }
    if (!q.entityId.isEmpty()) {
        where << QStringLiteral("entity_id = ?");
        values << q.entityId;
    } else if (!q.entityPrefix.isEmpty()) {
        appendEntityPrefix(q.entityPrefix, sqlite, where, values);
    }
    if (!q.types.isEmpty()) {
        QStringList marks;
        for (const QString &type : q.types) {
            marks << QStringLiteral("?");
            values << type;
        }
        where << QStringLiteral("snapshot_type IN (%1)").arg(marks.join(u','));
    }
    if (q.takenAt.from) {
        where << QStringLiteral("taken_at >= ?");
        values << *q.takenAt.from;
    }
    if (q.takenAt.to) {
        where << QStringLiteral("taken_at < ?");
        values << *q.takenAt.to;
    }
    if (!q.createdBy.isEmpty()) {
        // Contains, case-insensitive ("ana" finds "Ana.K" and "support-ana"); % and _ typed are literal.
        QString pattern = q.createdBy.toLower();
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        where << QStringLiteral("lower(created_by) LIKE ? ESCAPE '\\'");
        values << QString(u'%' + pattern + u'%');
    }
    switch (q.trash) {
    case SnapshotQuery::Trash::Hide:
        where << QStringLiteral("deleted_at IS NULL");
        break;
    case SnapshotQuery::Trash::Only:
        where << QStringLiteral("deleted_at IS NOT NULL");
        break;
    case SnapshotQuery::Trash::Include:
        break;
    }
}

// Prepares sql, whose %1 stands for the filters' WHERE terms, and binds the filters' values.
void prepareFiltered(QSqlQuery &query, const QString &sql, const SnapshotQuery &q, bool sqlite)
{
    QStringList where;
    QVariantList values;
    appendFilters(q, sqlite, where, values);
    query.setForwardOnly(true);
    query.prepare(sql.arg(where.join(QStringLiteral(" AND "))));
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
}

} // namespace

Result<HeaderPage> SqlSnapshotReader::listHeaders(const SnapshotQuery &q, const PageRequest &page)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("listing needs a tenant") };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();

    QStringList where;
    QVariantList values;
    appendFilters(q, m_sql.dialect().isSqlite(), where, values);
    const bool newestFirst = page.order == SortOrder::NewestFirst;
    if (page.after) {
        where << QStringLiteral("(taken_at, id) %1 (?, %2)")
                     .arg(newestFirst ? QStringLiteral("<") : QStringLiteral(">"), m_sql.dialect().uuidParameter());
        values << page.after->takenAt << page.after->id;
    }
    const int limit = qBound(1, page.limit, 100000);
    const QString direction = newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString columns = page.withStoredPayload ? headerColumns() + QStringLiteral(", payload") : headerColumns();
    const QString sql = QStringLiteral("SELECT %1 FROM snapshots WHERE %2 ORDER BY taken_at %3, id %3 LIMIT %4")
                            .arg(columns, where.join(QStringLiteral(" AND ")), direction)
                            .arg(limit + 1);
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("listing snapshots"), query);
    HeaderPage result;
    result.headers.reserve(qMin(limit, 1024));
    bool more = false;
    while (query.next()) {
        if (result.headers.size() == limit) {
            more = true;
            break;
        }
        result.headers.append(readHeader(query));
        if (page.withStoredPayload)
            result.storedPayloads.append(query.value(HeaderColumnCount).toByteArray());
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("listing snapshots"), query);
    query.finish();
    if (more)
        result.next = PageCursor { result.headers.constLast().takenAt, result.headers.constLast().id };
    if (Status restored = restoreSummaries(result.headers); !restored)
        return restored.error();
    return result;
}

Result<QStringList> SqlSnapshotReader::checkDatabase()
{
    if (!m_sql.dialect().isSqlite())
        return QStringList();
    auto db = m_sql.db();
    if (!db)
        return db.error();
    QSqlQuery query(*db);
    // A damaged file can fail the check itself ("database disk image is malformed"): that is its finding.
    if (!query.exec(QStringLiteral("PRAGMA quick_check(100)")))
        return QStringList { query.lastError().text() };
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok")
            problems.append(line);
    }
    if (SqlValues::failedReading(query))
        problems.append(query.lastError().text());
    return problems;
}

Result<qint64> SqlSnapshotReader::countHeaders(const SnapshotQuery &q)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("counting needs a tenant") };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    prepareFiltered(query, QStringLiteral("SELECT count(*) FROM snapshots WHERE %1"), q, m_sql.dialect().isSqlite());
    if (!query.exec() || !query.next())
        return m_sql.errorFrom(QStringLiteral("counting snapshots"), query);
    return query.value(0).toLongLong();
}

Result<QList<PageCursor>> SqlSnapshotReader::pageEnds(const SnapshotQuery &q, SortOrder order, int pageSize)
{
    if (q.tenant.isEmpty())
        return Error { Error::Code::Invalid, QStringLiteral("listing needs a tenant") };
    if (pageSize < 1)
        return Error { Error::Code::Invalid, QStringLiteral("page size must be positive") };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    const QString direction = order == SortOrder::NewestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC");
    QSqlQuery query(*dbResult);
    // Only (taken_at, id, deleted_at) are read, which the time indexes hold: no table row is visited.
    prepareFiltered(query,
        QStringLiteral("SELECT taken_at, id FROM (SELECT taken_at, id, row_number() OVER (ORDER BY taken_at %2, id %2) "
                       "AS n FROM snapshots WHERE %1) AS numbered WHERE n % ? = 0 ORDER BY n")
            .replace(QStringLiteral("%2"), direction),
        q, m_sql.dialect().isSqlite());
    query.addBindValue(pageSize);
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("reading page positions"), query);
    QList<PageCursor> ends;
    while (query.next())
        ends.append(PageCursor { query.value(0).toLongLong(), query.value(1).toString() });
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("reading page positions"), query);
    return ends;
}

Result<SnapshotHeader> SqlSnapshotReader::header(const QString &id)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(
        QStringLiteral("SELECT %1 FROM snapshots WHERE id = %2").arg(headerColumns(), m_sql.dialect().uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    QList<SnapshotHeader> one { readHeader(query) };
    query.finish();
    if (Status restored = restoreSummaries(one); !restored)
        return restored.error();
    return one.constFirst();
}

Result<QByteArray> SqlSnapshotReader::rawPayload(const QString &id)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.prepare(QStringLiteral("SELECT payload FROM snapshots WHERE id = %1").arg(m_sql.dialect().uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    return query.value(0).toByteArray();
}

Result<Snapshot> SqlSnapshotReader::load(const QString &id)
{
    auto stored = loadAt(id, 0);
    if (!stored || !stored->withheld || !m_personal.readable())
        return stored;
    return restored(std::move(stored).value());
}

Result<QList<Result<Snapshot>>> SqlSnapshotReader::loadMany(const QStringList &ids)
{
    QList<Result<Snapshot>> out;
    if (ids.isEmpty())
        return out;
    QVariantList values;
    for (const QString &id : ids) {
        if (!SnapshotId::isWellFormed(id))
            return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
        values.append(id.toLower());
    }
    // The rows first, the query finished: decoding a delta reads its base on the same connection.
    auto rows = m_sql.rows(QStringLiteral("reading %1 snapshots").arg(ids.size()),
        QStringLiteral("SELECT %1, payload FROM snapshots WHERE id IN (%2)")
            .arg(headerColumns(), QStringList(ids.size(), m_sql.dialect().uuidParameter()).join(u", ")),
        values, [](const QSqlQuery &q) {
            return std::pair { readHeader(q), q.value(HeaderColumnCount).toByteArray() };
        });
    if (!rows)
        return rows.error();
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < rows->size(); ++i)
        at.insert(rows->at(i).first.id, i);
    for (const QString &id : ids) {
        const auto found = at.constFind(id.toLower());
        if (found == at.constEnd()) {
            out.append(Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) });
            continue;
        }
        const auto &[header, blob] = rows->at(*found);
        auto stored = decoded(header, blob, 0); // a copy: an id asked twice reads the same row twice
        if (stored && stored->withheld && m_personal.readable())
            stored = restored(std::move(stored).value());
        out.append(std::move(stored));
    }
    return out;
}

Result<Snapshot> SqlSnapshotReader::restored(Snapshot stored)
{
    SnapshotHeader &h = stored.header;
    auto fields = m_personal.fields(h.id);
    if (!fields)
        return fields.error();
    QByteArray payload = CanonicalJson::write(Pii::restore(CanonicalJson::read(stored.payload), *fields));
    const QString actual = PayloadCodec::checksumOf(payload);
    if (actual.compare(h.checksum, Qt::CaseInsensitive) != 0)
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral("snapshot %1: checksum mismatch: stored %2, the payload with its personal fields put back "
                           "hashes to %3")
                .arg(h.id, h.checksum.left(12), actual.left(12)) };
    QJsonValue summary = h.summary;
    for (const Pii::WithheldField &f : std::as_const(*fields)) {
        if (f.field.startsWith(Pii::SummaryPrefix))
            summary = Pii::placed(summary, f.field, f.value);
    }
    h.summary = summary.toObject();
    return Snapshot { std::move(h), std::move(payload), false };
}

Result<Snapshot> SqlSnapshotReader::loadAt(const QString &id, int depth)
{
    if (!SnapshotId::isWellFormed(id))
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a snapshot id (a UUID)").arg(id) };
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1, payload FROM snapshots WHERE id = %2")
                      .arg(headerColumns(), m_sql.dialect().uuidParameter()));
    query.addBindValue(id.toLower());
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
    if (!query.next()) {
        if (SqlValues::failedReading(query))
            return m_sql.errorFrom(QStringLiteral("reading snapshot %1").arg(id), query);
        return Error { Error::Code::NotFound, QStringLiteral("no snapshot with id %1").arg(id) };
    }
    SnapshotHeader h = readHeader(query);
    const QByteArray blob = query.value(HeaderColumnCount).toByteArray();
    query.finish();
    return decoded(std::move(h), blob, depth);
}

Result<Snapshot> SqlSnapshotReader::decoded(SnapshotHeader h, const QByteArray &blob, int depth)
{
    const QString id = h.id;
    if (Status sealed = SnapshotSeal::check(h); !sealed)
        return sealed.error();
    // A delta's checksum is that of the state it materializes to, checked there.
    const QString checksum = h.baseId.isEmpty() ? h.storedChecksum() : QString();
    auto payload = m_codec.decode(h.codec, blob, h.rawSize, checksum);
    if (!payload && payload.error().code == Error::Code::UnknownDictionary) {
        // Another console or the CLI may have trained it since this store opened.
        if (m_dictionaries.reload())
            payload = m_codec.decode(h.codec, blob, h.rawSize, checksum);
    }
    if (!payload) {
        Error error = payload.error();
        error.message = QStringLiteral("snapshot %1: %2").arg(id, error.message);
        return error;
    }
    if (h.baseId.isEmpty()) {
        const bool withheld = !h.withheldChecksum.isEmpty();
        return Snapshot { std::move(h), std::move(payload).value(), withheld };
    }
    return materialize(std::move(h), *payload, depth);
}

Result<Snapshot> SqlSnapshotReader::materialize(SnapshotHeader header, const QByteArray &patchBytes, int depth)
{
    const QString &id = header.id;
    const auto broken = [&](const QString &why) {
        return Error { Error::Code::BrokenChain, QStringLiteral("snapshot %1: %2").arg(id, why) };
    };
    // A chain is a few versions long (a keyframe every K); a cycle or a runaway chain is damage.
    if (header.baseId == id)
        return broken(QStringLiteral("its base is itself"));
    if (depth >= MaxChainDepth)
        return broken(QStringLiteral("its chain of deltas is longer than %1 versions").arg(MaxChainDepth));
    auto base = loadAt(header.baseId, depth + 1);
    if (!base) {
        if (base.error().code == Error::Code::NotFound)
            return broken(QStringLiteral("its base %1 is missing").arg(header.baseId));
        Error error = base.error();
        // Said once, by the version asked for: a chain of 64 ("builds on ... builds on ...") made a 72 KB line.
        if (!error.isIntegrityError() || depth > 0)
            return error;
        error.message = QStringLiteral("snapshot %1 builds on a damaged base: %2").arg(id, error.message);
        return error;
    }
    const auto patch = StrictJson::readStored(patchBytes);
    if (!patch || !patch->isArray())
        return broken(QStringLiteral("its stored patch is not a JSON array"));
    // A patch applies to its base in the same form: while rows are converted (issue 26), a whole delta may build on
    // a withheld base, and a withheld one on a whole base.
    const bool withheld = !header.withheldChecksum.isEmpty();
    if (base->withheld && !withheld) {
        auto whole = restored(std::move(base).value());
        if (!whole)
            return whole.error();
        base = std::move(whole);
    }
    QJsonValue baseState = CanonicalJson::read(base->payload);
    if (withheld && !base->withheld)
        baseState = Pii::withhold(CanonicalJson::read(base->payload), base->header.kind).document;
    auto state = JsonPatch::apply(baseState, patch->toArray());
    if (!state || !state->isObject())
        return broken(
            QStringLiteral("its patch does not apply to base %1: %2")
                .arg(header.baseId, state ? QStringLiteral("the result is not an object") : state.error().message));
    QByteArray payload = CanonicalJson::write(state->toObject());
    const QString actual = PayloadCodec::checksumOf(payload);
    if (actual.compare(header.storedChecksum(), Qt::CaseInsensitive) != 0)
        return Error { Error::Code::ChecksumMismatch,
            QStringLiteral(
                "snapshot %1: checksum mismatch: stored %2, the state materialized from base %3 hashes to %4")
                .arg(id, header.storedChecksum().left(12), header.baseId, actual.left(12)) };
    return Snapshot { std::move(header), std::move(payload), withheld };
}

Result<QList<SnapshotHeader>> SqlSnapshotReader::withSummaryValue(
    const QString &tenant, const QString &kind, const QString &field, const QString &value, bool prefix, int limit)
{
    // A field name goes into the SQL text (the index is on that expression): only plain names are accepted.
    static const QRegularExpression plainName(QStringLiteral("^[a-z_]+$"));
    if (!plainName.match(field).hasMatch())
        return Error { Error::Code::Invalid, QStringLiteral("\"%1\" is not a summary field").arg(field) };
    // The kind too, as a literal: SQLite uses a partial index only when the query names its kind.
    if (!KindRegistry::find(kind))
        return Error { Error::Code::Invalid, QStringLiteral("unknown kind \"%1\"").arg(kind) };
    if (value.isEmpty())
        return QList<SnapshotHeader> {};
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    const QString expression = m_sql.dialect().isSqlite() ? QStringLiteral("json_extract(summary, '$.%1')").arg(field)
                                                          : QStringLiteral("(summary ->> '%1')").arg(field);
    // A prefix is a range over the same expression, so the index serves it: [value, value with its last
    // character one higher).
    const QString condition
        = !prefix ? expression + QStringLiteral(" = ?") : QStringLiteral("%1 >= ? AND %1 < ?").arg(expression);
    query.prepare(QStringLiteral("SELECT %1 FROM snapshots WHERE tenant_id = ? AND kind = '%2' AND %3 AND "
                                 "deleted_at IS NULL LIMIT ?")
                      .arg(headerColumns(), kind, condition));
    query.addBindValue(tenant);
    query.addBindValue(value);
    if (prefix) {
        QString upper = value;
        upper.back() = QChar(upper.back().unicode() + 1);
        query.addBindValue(upper);
    }
    query.addBindValue(qMax(1, limit));
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("finding the %1 snapshots of %2").arg(kind, value), query);
    // Sorted here: an ORDER BY would have SQLite read the kind's time index instead of the expression index.
    auto found = readHeaders(query, true);
    const KindDefinition *definition = KindRegistry::find(kind);
    if (!found || !m_personal.splits()
        || !(Pii::isPersonalKey(field) || definition->personalSummaryFields.contains(field)))
        return found;
    // A personal field is searched where it is kept, through the server's function; the rows not converted yet
    // still hold it in their summaries (above).
    query.finish();
    auto ids = m_personal.find(tenant, kind, field, value, prefix, limit);
    if (!ids)
        return ids.error();
    QSet<QString> seen;
    for (const SnapshotHeader &h : std::as_const(*found))
        seen.insert(h.id);
    QStringList wanted;
    for (const QString &id : std::as_const(*ids)) {
        if (!seen.contains(id))
            wanted.append(id);
    }
    if (wanted.isEmpty())
        return found;
    QStringList marks(wanted.size(), m_sql.dialect().uuidParameter());
    QVariantList values;
    for (const QString &id : std::as_const(wanted))
        values.append(id);
    auto more = m_sql.exec(QStringLiteral("finding the %1 snapshots of %2").arg(kind, value),
        QStringLiteral("SELECT %1 FROM snapshots WHERE id IN (%2)").arg(headerColumns(), marks.join(u", ")), values);
    if (!more)
        return more.error();
    auto rows = readHeaders(*more);
    if (!rows)
        return rows.error();
    found->append(*rows);
    sortOldestFirst(*found);
    return found;
}

Result<QList<EntitySummary>> SqlSnapshotReader::entities(
    const QString &tenant, const QString &kind, const QString &prefix, int limit)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QString sql
        = QStringLiteral("SELECT entity_id, COUNT(*), MAX(taken_at) FROM snapshots WHERE tenant_id = ? AND kind = ? "
                         "AND deleted_at IS NULL");
    // The entity prefix as the timeline's filter reads it: in any case.
    QStringList where;
    QVariantList values;
    if (!prefix.isEmpty())
        appendEntityPrefix(prefix, m_sql.dialect().isSqlite(), where, values);
    for (const QString &term : std::as_const(where))
        sql += QStringLiteral(" AND ") + term;
    sql += QStringLiteral(" GROUP BY entity_id ORDER BY entity_id LIMIT ?");
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(tenant);
    query.addBindValue(kind);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.addBindValue(qBound(1, limit, 1000000));
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("listing entities"), query);
    QList<EntitySummary> result;
    while (query.next())
        result.append({ query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong() });
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("listing entities"), query);
    return result;
}

Result<QList<QByteArray>> SqlSnapshotReader::samplePayloads(const QString &kind, int limit)
{
    auto dbResult = m_sql.db();
    if (!dbResult)
        return dbResult.error();
    QSqlQuery query(*dbResult);
    query.setForwardOnly(true);
    // Spread the sample over the kind's history rather than taking only the newest rows. A delta key samples the
    // kind's stored patches; a kind, its full documents.
    const bool deltas = PayloadCodec::isDeltaKey(kind);
    query.prepare(QStringLiteral("SELECT id, codec, raw_size, payload FROM snapshots WHERE kind = ? AND deleted_at IS "
                                 "NULL AND base_id IS %1 ORDER BY checksum LIMIT ?")
                      .arg(deltas ? QStringLiteral("NOT NULL") : QStringLiteral("NULL")));
    query.addBindValue(PayloadCodec::kindOfKey(kind));
    query.addBindValue(qBound(1, limit, 100000));
    if (!query.exec())
        return m_sql.errorFrom(QStringLiteral("sampling %1 payloads").arg(kind), query);
    QStringList ids;
    QList<QByteArray> samples;
    while (query.next()) {
        if (deltas) {
            auto patch = m_codec.decode(
                query.value(1).toString(), query.value(3).toByteArray(), query.value(2).toLongLong(), QString());
            if (!patch) // a corrupt one is no sample; verify reports it
                continue;
            // A dictionary everyone reads is not trained on personal data: a patch not converted yet is withheld
            // here first.
            const auto parsed = m_personal.splits() ? StrictJson::readStored(*patch) : Result<QJsonValue>(QJsonValue());
            if (parsed && parsed->isArray()) {
                QByteArray withheld;
                CanonicalJson::append(withheld, Pii::withholdPatch(parsed->toArray(), {}));
                samples.append(withheld);
            } else if (!m_personal.splits()) {
                samples.append(*patch);
            }
        } else {
            ids.append(query.value(0).toString());
        }
    }
    if (SqlValues::failedReading(query))
        return m_sql.errorFrom(QStringLiteral("sampling %1 payloads").arg(kind), query);
    query.finish();
    samples.reserve(samples.size() + ids.size());
    for (const QString &id : std::as_const(ids)) {
        // As stored, and withheld if it was not converted yet: a dictionary everyone reads is not trained on personal
        // data.
        auto snapshot = loadStored(id);
        if (!snapshot) // a corrupt snapshot is no sample; verify reports it
            continue;
        if (m_personal.splits() && !snapshot->withheld)
            samples.append(CanonicalJson::write(
                Pii::withhold(CanonicalJson::read(snapshot->payload), PayloadCodec::kindOfKey(kind)).document));
        else
            samples.append(snapshot->payload);
    }
    return samples;
}
