#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "domain/snapshot.h"
#include "store/snapshotquery.h"

class JobTracker;
class SnapshotStore;
struct KindDefinition;

// The snapshot timeline over millions of rows (DESIGN §6). Rows come in pages read by keyset on the store's
// workers; a page's position is known from its neighbour, from the end of the list, or from the page ends the
// store reports in the background, so any row can be shown without OFFSET and without reading what lies between.
// Until the count arrives the model grows by fetchMore; then it holds every row and loads pages as they are shown.
// At most pageCacheLimit() pages are kept.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { TakenAt, Kind, Entity, Version, Type, CreatedBy, Summary, Size, Integrity, Pinned, Count_ };
    enum Role { IdRole = Qt::UserRole + 1, TakenAtRole, LoadedRole, TypeRole };
    enum class CountState { Partial, Exact };
    enum class Integrity { Unknown, Verified, Corrupt };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    void setStore(std::shared_ptr<SnapshotStore> store);
    void setQuery(const SnapshotQuery &query);
    const SnapshotQuery &query() const { return m_query; }
    // The tenant's business time zone: times are shown in it and the Taken at header names it (UTC until set).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    // Why the timeline is empty, naming the filters and when the newest snapshot they match outside the time range
    // was taken; empty while rows are shown or still loading.
    QString emptyText() const;
    void setSortOrder(SortOrder order);
    SortOrder sortOrder() const { return m_order; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void setPageCacheLimit(int pages);
    // How many counted rows are announced to the views per turn of the event loop (tests make it small).
    void setGrowthSlice(int rows) { m_growthSlice = std::max(1, rows); }
    int pageCacheLimit() const { return m_cacheLimit; }
    // Reloads from the store: the count, the first page, and what is shown after it.
    void refresh();

    // Exact once the count is known and every row it gives is announced to the views.
    CountState countState() const
    {
        return m_total && m_rowCount >= *m_total ? CountState::Exact : CountState::Partial;
    }
    qint64 loadedPageCount() const;
    bool isLoading() const { return !m_inFlight.isEmpty(); }
    // The header of a row whose page is loaded.
    const SnapshotHeader *headerAt(int row) const;
    // The row of a loaded snapshot, or -1.
    int rowOf(const QString &id) const;
    void setIntegrity(const QString &id, Integrity integrity);
    // Updates the pinned flag of a shown row after a pin or unpin.
    void setPinned(const QString &id, bool pinned);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    // A page was applied (rows inserted or filled in).
    void pageLoaded(int firstRow, int rows);
    // The first page of the current query is shown (also when it is empty).
    void firstPageShown();
    void countChanged();
    void loadFailed(const QString &message);
    // emptyText() changed.
    void emptyTextChanged();

private:
    struct Page
    {
        QList<SnapshotHeader> rows;
        bool loaded = false;
        mutable quint64 lastUse = 0; // for the page cache: set when data() reads the page
    };
    struct Request
    {
        PageRequest request;
        bool reversed = false; // read in the opposite order; the rows are turned around on arrival
    };

    void reset();
    void start();
    void requestPage(int page) const;
    void requestPageNow(int page);
    std::optional<Request> requestFor(int page) const;
    void applyPage(int page, bool reversed, const HeaderPage &result);
    void applyCount(qint64 total);
    // Announces the counted rows not yet in the views, a slice per turn of the event loop: a view's vertical header
    // keeps an item per row, and 1.5 million at once held the GUI thread for 30-65 ms.
    void growToTotal(quint64 reset);
    void applyPageEnds(const QList<PageCursor> &ends);
    void evictPages();
    int pageCount() const { return int(m_pages.size()); }
    QString summaryText(const SnapshotHeader &header) const;
    void findNewestOutsideRange();

    std::shared_ptr<SnapshotStore> m_store;
    SnapshotQuery m_query;
    SortOrder m_order = SortOrder::NewestFirst;
    int m_pageSize = 200;
    int m_cacheLimit = 64;
    int m_growthSlice = 200000; // about 4 ms of a view's header bookkeeping here
    const KindDefinition *m_kind = nullptr; // the kind filtered on: its summary fields get columns

    JobTracker *m_jobs; // the reads of the current query (pages, count, positions); a reset supersedes them
    bool m_startQueued = false;
    quint64 m_resets = 0; // a slice of rows queued before the latest reset is dropped
    int m_rowCount = 0;
    std::optional<qint64> m_total;
    bool m_more = false; // partial: the last page read says more rows follow
    std::optional<PageCursor> m_next; // partial: where the next page starts (its predecessor may be evicted)
    std::vector<Page> m_pages;
    QList<PageCursor> m_pageEnds;
    bool m_pageEndsRequested = false;
    mutable QList<int> m_wanted; // pages asked for by data() before their position was known
    mutable QList<int> m_inFlight;
    mutable quint64 m_useClock = 0;
    QHash<QString, Integrity> m_integrity;
    QTimeZone m_zone = QTimeZone::utc();
    bool m_emptyKnown = false; // the query matched nothing and the newest outside its range was looked up
    std::optional<EpochMs> m_newestOutsideRange;
};
