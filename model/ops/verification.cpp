#include "verification.h"

#include <QtConcurrent/QtConcurrentMap>

#include <numeric>

#include "codec/snapshotseal.h"
#include "store/snapshotstore.h"

Verification::Verification(SnapshotStore &store)
    : m_store(store)
{ }

Result<VerificationReport> Verification::run(
    const SnapshotQuery &query, const Progress &progress, const CorruptFound &onCorrupt)
{
    VerificationReport report;
    auto counted = m_store.countHeaders(query);
    if (!counted) {
        report.unreadable = counted.error(); // a damaged index page: nothing was checked, and the report says so
        return report;
    }
    report.expected = *counted;
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    request.limit = 2000;
    request.withStoredPayload = true;
    while (true) {
        auto page = m_store.listHeaders(query, request);
        if (!page) {
            // What was checked stands; the report says where reading stopped, and the caller says so.
            report.unreadable = page.error();
            return report;
        }
        const HeaderPage &p = *page;
        std::vector<int> indexes(size_t(p.headers.size()));
        std::iota(indexes.begin(), indexes.end(), 0);
        const PayloadCodec &codec = m_store.codec();
        const QList<std::optional<Error>> problems
            = QtConcurrent::blockingMapped<QList<std::optional<Error>>>(indexes, [&](int i) -> std::optional<Error> {
                  const SnapshotHeader &h = p.headers.at(i);
                  if (Status sealed = SnapshotSeal::check(h); !sealed)
                      return sealed.error();
                  // A delta's own bytes are checked here (its frame); its state below, through its chain.
                  auto decoded = codec.decode(
                      h.codec, p.storedPayloads.at(i), h.rawSize, h.baseId.isEmpty() ? h.storedChecksum() : QString());
                  if (decoded)
                      return std::nullopt;
                  return decoded.error();
              });
        bool reloaded = false;
        for (qsizetype i = 0; i < problems.size(); ++i) {
            const SnapshotHeader &h = p.headers.at(i);
            std::optional<Error> problem = problems.at(i);
            if (problem && problem->code == Error::Code::UnknownDictionary && !reloaded) {
                // Trained by another process since the store opened (a compaction running beside a console):
                // read the dictionaries again, once per page, before calling the payload damaged.
                reloaded = true;
                if (m_store.reloadDictionaries()) {
                    if (codec.decode(h.codec, p.storedPayloads.at(i), h.rawSize,
                            h.baseId.isEmpty() ? h.storedChecksum() : QString()))
                        problem.reset();
                }
            } else if (problem && problem->code == Error::Code::UnknownDictionary) {
                if (codec.decode(h.codec, p.storedPayloads.at(i), h.rawSize,
                        h.baseId.isEmpty() ? h.storedChecksum() : QString()))
                    problem.reset();
            }
            if (!problem && !h.baseId.isEmpty()) {
                // Materialized on this thread: the store's connection for it is this thread's.
                if (auto state = m_store.load(h.id); !state)
                    problem = state.error();
            }
            if (!problem)
                continue;
            CorruptSnapshot corrupt { h.id, h.kind, h.entityId, *problem };
            if (onCorrupt)
                onCorrupt(corrupt);
            report.corrupt.append(std::move(corrupt));
        }
        report.checked += p.headers.size();
        if (progress && !progress(report.checked, report.corrupt.size())) {
            report.cancelled = true;
            return report;
        }
        if (!p.next)
            return report;
        request.after = p.next;
    }
}
