#include "flowlayout.h"

#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QWidget>

FlowLayout::FlowLayout(QWidget *parent, int horizontalSpacing, int verticalSpacing)
    : QLayout(parent)
    , m_horizontalSpacing(horizontalSpacing)
    , m_verticalSpacing(verticalSpacing)
{ }

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), true);
}

QSize FlowLayout::minimumSize() const
{
    // The widest single item: everything else can move to a row of its own.
    QSize size;
    for (const QLayoutItem *item : m_items)
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one row.
    int width = 0, height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width > 0 ? spacing(Qt::Horizontal) : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return { width + margins.left() + margins.right(), height + margins.top() + margins.bottom() };
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, false);
}

int FlowLayout::arrange(const QRect &rect, bool measureOnly) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    int x = area.x(), y = area.y(), rowHeight = 0;
    const int across = spacing(Qt::Horizontal), down = spacing(Qt::Vertical);
    // Items of one row share its height and are centred in it, so labels line up with their fields.
    QList<std::pair<QLayoutItem *, QRect>> row;
    const auto finishRow = [&] {
        if (!measureOnly)
            for (auto &[item, r] : row)
                item->setGeometry(QRect(QPoint(r.x(), r.y() + (rowHeight - r.height()) / 2), r.size()));
        row.clear();
    };
    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize size = item->sizeHint().boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (x > area.x() && x + size.width() > area.right() + 1) {
            finishRow();
            x = area.x();
            y += rowHeight + down;
            rowHeight = 0;
        }
        row.append({ item, QRect(QPoint(x, y), size) });
        x += size.width() + across;
        rowHeight = std::max(rowHeight, size.height());
    }
    finishRow();
    return y + rowHeight - rect.y() + contentsMargins().bottom();
}

int FlowLayout::spacing(Qt::Orientation orientation) const
{
    const int set = orientation == Qt::Horizontal ? m_horizontalSpacing : m_verticalSpacing;
    if (set >= 0)
        return set;
    const QWidget *owner = parentWidget();
    if (!owner)
        return 6;
    return owner->style()->pixelMetric(
        orientation == Qt::Horizontal ? QStyle::PM_LayoutHorizontalSpacing : QStyle::PM_LayoutVerticalSpacing, nullptr,
        owner);
}

FlowLayout *FlowLayout::replaceRow(QBoxLayout *row)
{
    auto *outer = qobject_cast<QBoxLayout *>(row->parent());
    QWidget *owner = row->parentWidget();
    if (!outer || !owner)
        return nullptr;
    const int at = outer->indexOf(row);
    QList<QWidget *> widgets;
    while (QLayoutItem *item = row->takeAt(0)) {
        if (QWidget *w = item->widget())
            widgets.append(w);
        delete item; // spacers, and the items that held the widgets (the widgets stay)
    }
    delete outer->takeAt(at); // the emptied row
    auto *flow = new FlowLayout(nullptr, 12, 4);
    const auto isField = [](const QWidget *w) {
        return qobject_cast<const QComboBox *>(w) || qobject_cast<const QLineEdit *>(w)
            || qobject_cast<const QAbstractSpinBox *>(w);
    };
    for (qsizetype i = 0; i < widgets.size(); ++i) {
        QWidget *w = widgets.at(i);
        const bool leads = qobject_cast<QLabel *>(w) || qobject_cast<QCheckBox *>(w);
        if (leads && i + 1 < widgets.size() && isField(widgets.at(i + 1))) {
            auto *pair = new QWidget(owner);
            auto *pairLayout = new QHBoxLayout(pair);
            pairLayout->setContentsMargins(0, 0, 0, 0);
            pairLayout->addWidget(w);
            pairLayout->addWidget(widgets.at(++i));
            flow->addWidget(pair);
        } else {
            flow->addWidget(w);
        }
    }
    outer->insertLayout(at, flow);
    return flow;
}
