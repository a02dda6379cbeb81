#include "timelinestrip.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <utility>

#include "items/jobtracker.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

namespace {

constexpr int Margin = 12;
constexpr int Radius = 5;

} // namespace

TimelineStrip::TimelineStrip(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Entity timeline"));
}

QSize TimelineStrip::sizeHint() const
{
    return { 600, fontMetrics().height() * 2 + 40 };
}

QSize TimelineStrip::minimumSizeHint() const
{
    return { 200, sizeHint().height() };
}

void TimelineStrip::setMarkers(QList<Marker> markers)
{
    std::sort(markers.begin(), markers.end(),
        [](const Marker &a, const Marker &b) { return a.takenAt != b.takenAt ? a.takenAt < b.takenAt : a.id < b.id; });
    m_markers = std::move(markers);
    m_types.clear();
    for (const Marker &m : std::as_const(m_markers)) {
        if (!m_types.contains(m.type))
            m_types << m.type;
    }
    m_hovered = -1;
    update();
}

void TimelineStrip::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone shown = IsoTime::validOrUtc(zone);
    if (std::exchange(m_zone, shown) != shown)
        update();
}

void TimelineStrip::setSelectedId(const QString &id)
{
    if (m_selected == id)
        return;
    m_selected = id;
    update();
}

QColor TimelineStrip::colorOf(const QString &type) const
{
    // Well-separated hues in order of appearance; stable for one entity.
    const qsizetype index = m_types.indexOf(type);
    const int hue = int((std::max<qsizetype>(0, index) * 137) % 360);
    return QColor::fromHsv(hue, 170, index < 0 ? 120 : 200);
}

QRect TimelineStrip::axisRect() const
{
    const int legend = fontMetrics().height() + 6;
    return rect().adjusted(Margin, legend + 4, -Margin, -(fontMetrics().height() + 6));
}

int TimelineStrip::xOf(EpochMs at) const
{
    const QRect axis = axisRect();
    if (m_markers.isEmpty())
        return axis.left();
    const EpochMs first = m_markers.constFirst().takenAt, last = m_markers.constLast().takenAt;
    if (last == first)
        return axis.center().x();
    return axis.left() + int(double(at - first) / double(last - first) * axis.width());
}

QPoint TimelineStrip::markerCenter(const QString &id) const
{
    for (const Marker &m : m_markers) {
        if (m.id == id)
            return { xOf(m.takenAt), axisRect().center().y() };
    }
    return {};
}

int TimelineStrip::markerAt(const QPoint &pos) const
{
    int best = -1;
    int bestDistance = Radius + 4;
    const int y = axisRect().center().y();
    if (std::abs(pos.y() - y) > Radius + 8)
        return -1;
    for (int i = 0; i < m_markers.size(); ++i) {
        const int distance = std::abs(xOf(m_markers.at(i).takenAt) - pos.x());
        if (distance < bestDistance || (distance == bestDistance && m_markers.at(i).id == m_selected)) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void TimelineStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());
    const QRect axis = axisRect();
    const int y = axis.center().y();
    const QFontMetrics fm = fontMetrics();
    if (m_markers.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No versions to show"));
        return;
    }
    // Legend: one swatch per type.
    int x = Margin;
    for (const QString &type : std::as_const(m_types)) {
        p.setPen(Qt::NoPen);
        p.setBrush(colorOf(type));
        p.drawEllipse(QPoint(x + Radius, 3 + fm.height() / 2), Radius, Radius);
        x += 2 * Radius + 4;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPoint(x, 3 + fm.ascent()), type);
        x += fm.horizontalAdvance(type) + 14;
    }
    // Axis with its first and last time.
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(axis.left(), y, axis.right(), y);
    const QLocale locale;
    p.setPen(pal.color(QPalette::Text));
    const int textY = height() - 4 - fm.descent();
    p.drawText(QPoint(axis.left(), textY), IsoTime::toZoneText(m_markers.constFirst().takenAt, m_zone));
    const QString last = IsoTime::toNamedZoneText(m_markers.constLast().takenAt, m_zone);
    p.drawText(QPoint(axis.right() - fm.horizontalAdvance(last), textY), last);
    const QString count = tr("%1 versions").arg(locale.toString(m_markers.size()));
    p.drawText(QPoint(axis.center().x() - fm.horizontalAdvance(count) / 2, textY), count);
    // Markers, then the selected one on top.
    int selected = -1;
    for (int i = 0; i < m_markers.size(); ++i) {
        const Marker &m = m_markers.at(i);
        if (m.id == m_selected)
            selected = i;
        p.setPen(QPen(pal.color(QPalette::Base), 1));
        p.setBrush(colorOf(m.type));
        p.drawEllipse(
            QPoint(xOf(m.takenAt), y), i == m_hovered ? Radius + 1 : Radius, i == m_hovered ? Radius + 1 : Radius);
    }
    if (selected >= 0) {
        const QPoint c(xOf(m_markers.at(selected).takenAt), y);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
        p.setBrush(colorOf(m_markers.at(selected).type));
        p.drawEllipse(c, Radius + 3, Radius + 3);
        p.drawLine(c.x(), axis.top(), c.x(), c.y() - Radius - 4);
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineStrip::mouseMoveEvent(QMouseEvent *event)
{
    const int hovered = markerAt(event->position().toPoint());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(hovered >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

bool TimelineStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = markerAt(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Marker &m = m_markers.at(index);
        QToolTip::showText(help->globalPos(),
            tr("%1 · version %2\n%3").arg(m.type).arg(m.version).arg(IsoTime::toNamedZoneText(m.takenAt, m_zone, true)),
            this);
        return true;
    }
    return QWidget::event(event);
}

void TimelineStrip::mousePressEvent(QMouseEvent *event)
{
    const int index = markerAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index >= 0) {
        setSelectedId(m_markers.at(index).id);
        Q_EMIT markerClicked(m_selected);
    }
}

void TimelineStrip::keyPressEvent(QKeyEvent *event)
{
    // Left/Right walk the versions when the strip has focus.
    if ((event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) && !m_markers.isEmpty()) {
        int index = -1;
        for (int i = 0; i < m_markers.size(); ++i) {
            if (m_markers.at(i).id == m_selected)
                index = i;
        }
        index = index < 0 ? int(m_markers.size()) - 1
                          : std::clamp(index + (event->key() == Qt::Key_Left ? -1 : 1), 0, int(m_markers.size()) - 1);
        setSelectedId(m_markers.at(index).id);
        Q_EMIT markerClicked(m_selected);
        return;
    }
    QWidget::keyPressEvent(event);
}

void TimelineStrip::load(const std::shared_ptr<SnapshotStore> &store, const SnapshotQuery &entity)
{
    m_jobs->clear();
    setMarkers({});
    if (!store)
        return;
    PageRequest request;
    request.order = SortOrder::OldestFirst;
    request.limit = 20000;
    m_jobs->start(
        store, [entity, request](SnapshotStore &s) { return s.listHeaders(entity, request); },
        [this](const Result<HeaderPage> &page) {
            if (!page) {
                Q_EMIT loadFailed(page.error().message);
                return;
            }
            QList<Marker> markers;
            markers.reserve(page->headers.size());
            for (const SnapshotHeader &h : page->headers)
                markers.append({ h.id, h.takenAt, h.type, h.version });
            setMarkers(std::move(markers)); // the selection (the inspector's snapshot) is kept
        });
}
