#include "connectiondialog.h"
#include "ui_connectiondialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

#include "store/snapshotstore.h"

namespace {

using Opened = Result<std::shared_ptr<SnapshotStore>>;

QString fileFilter()
{
    return QObject::tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)");
}

} // namespace

ConnectionDialog::ConnectionDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
{
    m_ui->setupUi(this);
    m_test = m_ui->buttons->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    for (const char *mode : { "prefer", "disable", "allow", "require", "verify-ca", "verify-full" })
        m_ui->sslCombo->addItem(QString::fromLatin1(mode));
    m_ui->recentCombo->addItem(tr("(choose a recent connection)"));
    m_ui->recentCombo->setEnabled(false);

    connect(m_test, &QPushButton::clicked, this, [this] { attempt(false); });
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, [this] { attempt(true); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a SnapScope database"), QFileInfo(m_ui->pathEdit->text()).absolutePath(), fileFilter());
        if (!path.isEmpty()) {
            m_ui->pathEdit->setText(path);
            m_ui->createCheck->setChecked(false);
        }
    });
    connect(m_ui->newButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Create a SnapScope database"), QFileInfo(m_ui->pathEdit->text()).absolutePath(), fileFilter());
        if (!path.isEmpty()) {
            m_ui->pathEdit->setText(path);
            m_ui->createCheck->setChecked(true);
        }
    });
    connect(m_ui->recentCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0 && index <= m_recent.size())
            setSpec(m_recent.at(index - 1));
    });
    // Any edit makes an earlier test result stale.
    const auto stale = [this] {
        m_jobs->clear();
        m_store.reset();
        m_ui->statusLabel->clear();
        setBusy(false);
    };
    for (QLineEdit *edit : { m_ui->pathEdit, m_ui->hostEdit, m_ui->databaseEdit, m_ui->userEdit, m_ui->passwordEdit })
        connect(edit, &QLineEdit::textEdited, this, stale);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, stale);
    connect(m_ui->backendTabs, &QTabWidget::currentChanged, this, stale);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::setRecent(const QList<ConnectionSpec> &recent)
{
    m_recent = recent;
    while (m_ui->recentCombo->count() > 1)
        m_ui->recentCombo->removeItem(1);
    for (const ConnectionSpec &spec : recent)
        m_ui->recentCombo->addItem(spec.displayName());
    m_ui->recentCombo->setEnabled(!recent.isEmpty());
}

void ConnectionDialog::setSpec(const ConnectionSpec &spec)
{
    const bool postgres = spec.backend == ConnectionSpec::Backend::PostgreSQL;
    m_ui->backendTabs->setCurrentWidget(postgres ? m_ui->postgresTab : m_ui->sqliteTab);
    if (postgres) {
        m_ui->hostEdit->setText(spec.host);
        m_ui->portSpin->setValue(spec.port);
        m_ui->databaseEdit->setText(spec.database);
        m_ui->userEdit->setText(spec.user);
        m_ui->passwordEdit->setText(spec.password);
        const int ssl = m_ui->sslCombo->findText(spec.sslmode.isEmpty() ? QStringLiteral("prefer") : spec.sslmode);
        m_ui->sslCombo->setCurrentIndex(std::max(0, ssl));
        m_ui->passwordEdit->setFocus();
    } else {
        m_ui->pathEdit->setText(spec.sqlitePath);
        m_ui->createCheck->setChecked(false);
    }
    m_ui->statusLabel->clear();
    m_store.reset();
}

ConnectionSpec ConnectionDialog::spec() const
{
    if (m_ui->backendTabs->currentWidget() == m_ui->sqliteTab)
        return ConnectionSpec::sqlite(m_ui->pathEdit->text().trimmed());
    ConnectionSpec spec;
    spec.backend = ConnectionSpec::Backend::PostgreSQL;
    spec.host = m_ui->hostEdit->text().trimmed();
    spec.port = m_ui->portSpin->value();
    spec.database = m_ui->databaseEdit->text().trimmed();
    spec.user = m_ui->userEdit->text().trimmed();
    spec.password = m_ui->passwordEdit->text();
    if (spec.password.isEmpty())
        spec.password = qEnvironmentVariable("SNAPSCOPE_PGPASSWORD");
    spec.sslmode = m_ui->sslCombo->currentText();
    return spec;
}

void ConnectionDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_ui->buttons->button(QDialogButtonBox::Open)->setEnabled(!busy);
    m_ui->backendTabs->setEnabled(!busy);
    m_ui->recentCombo->setEnabled(!busy && !m_recent.isEmpty());
}

void ConnectionDialog::attempt(bool openAfterwards)
{
    const ConnectionSpec target = spec();
    QString missing;
    if (target.backend == ConnectionSpec::Backend::SQLite && target.sqlitePath.isEmpty())
        missing = tr("Choose a database file.");
    else if (target.backend == ConnectionSpec::Backend::PostgreSQL
        && (target.host.isEmpty() || target.database.isEmpty() || target.user.isEmpty()))
        missing = tr("Host, database and user are needed.");
    if (!missing.isEmpty()) {
        m_ui->statusLabel->setText(missing);
        Q_EMIT checked(false, missing);
        return;
    }
    if (openAfterwards && m_store) { // tested a moment ago and unchanged since
        accept();
        return;
    }
    setBusy(true);
    m_ui->statusLabel->setText(tr("Connecting to %1…").arg(target.displayName().toHtmlEscaped()));
    OpenOptions options;
    options.createIfMissing = target.backend == ConnectionSpec::Backend::SQLite && m_ui->createCheck->isChecked();
    // Connecting (and migrating) never runs on the GUI thread; an answer for fields changed since is dropped.
    m_jobs->startOn(
        QThreadPool::globalInstance(), [target, options] { return openSharedSnapshotStore(target, options); },
        [this, openAfterwards](const Opened &opened) {
            setBusy(false);
            if (!opened) {
                const QString message = opened.error().message;
                m_ui->statusLabel->setText(
                    tr("<span style='color:#b3261e'><b>Cannot connect.</b></span> %1").arg(message.toHtmlEscaped()));
                Q_EMIT checked(false, message);
                return;
            }
            m_store = *opened;
            const QString message
                = tr("Connected: a SnapScope database (schema version %1).").arg(m_store->schemaVersion());
            m_ui->statusLabel->setText(QStringLiteral("<span style='color:#1e7b34'><b>%1</b></span>").arg(message));
            Q_EMIT checked(true, message);
            if (openAfterwards)
                accept();
        });
}
