#include "casepdf.h"

#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include "ops/caseevidence.h"

Status writeCasePdf(const CaseEvidence &evidence, const QString &path)
{
    const QString partial = path + QStringLiteral(".part");
    {
        QPdfWriter writer(partial);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print adds margins of 2 cm and the page numbers itself: margins here would come on top of
        // those and leave the tables two thirds of the page.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(QStringLiteral("SnapScope dispute case %1").arg(evidence.disputeCase.orderId));
        writer.setCreator(QStringLiteral("SnapScope"));
        QTextDocument document;
        document.setHtml(evidence.html());
        document.print(&writer);
    }
    QFile written(partial);
    if (!written.exists() || written.size() == 0) {
        QFile::remove(partial);
        return Error { Error::Code::Io, QStringLiteral("could not write %1").arg(path) };
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QFile::remove(partial);
        return Error { Error::Code::Io, QStringLiteral("could not replace %1").arg(path) };
    }
    if (!written.rename(path)) {
        QFile::remove(partial);
        return Error { Error::Code::Io, QStringLiteral("could not write %1: %2").arg(path, written.errorString()) };
    }
    return {};
}
