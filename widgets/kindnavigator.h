#pragma once

#include <QWidget>

class EntityListModel;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

// The navigator: the kinds with their snapshot counts, and below them an entity search over the selected kind.
// Emits the kind or the entity the user chooses.
class KindNavigator : public QWidget
{
    Q_OBJECT
public:
    explicit KindNavigator(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model);
    void setEntityModel(EntityListModel *model);
    void setTenant(const QString &tenant);
    QTreeView *view() const { return m_view; }
    QTreeView *entityView() const { return m_entityView; }
    QLineEdit *entitySearch() const { return m_search; }
    QString selectedKind() const;

Q_SIGNALS:
    void kindActivated(const QString &kindId);
    void entityActivated(const QString &kindId, const QString &entityId);

private:
    void searchEntities();

    QTreeView *m_view;
    QLabel *m_entityLabel;
    QLineEdit *m_search;
    QTreeView *m_entityView;
    QTimer *m_debounce;
    EntityListModel *m_entities = nullptr;
    QString m_tenant;
};
