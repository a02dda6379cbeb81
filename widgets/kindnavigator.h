#pragma once

#include <QWidget>

class QTreeView;
class QAbstractItemModel;

// The navigator's list of kinds with their snapshot counts; emits the chosen kind.
class KindNavigator : public QWidget
{
    Q_OBJECT
public:
    explicit KindNavigator(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void kindActivated(const QString &kindId);

private:
    QTreeView *m_view;
};
