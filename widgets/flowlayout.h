#pragma once

#include <QBoxLayout>
#include <QLayout>
#include <QList>

// Lays its items out left to right and wraps onto a new row when the width runs out, like words in a line of text
// (Qt's Flow Layout example). A bar of filters in it needs only the width of its widest group, whatever the language.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int horizontalSpacing = -1, int verticalSpacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // Puts a row of a form (a QHBoxLayout inside a QBoxLayout) into a FlowLayout in its place: the same widgets, in
    // the same order, wrapping when the width runs out. A label, or a check box that enables a field, stays with the
    // field after it; spacers go (a flow has no stretch).
    static FlowLayout *replaceRow(QBoxLayout *row);

private:
    // Places the items in rect (unless only measuring) and returns the height they take.
    int arrange(const QRect &rect, bool measureOnly) const;
    int spacing(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};
