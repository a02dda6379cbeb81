#pragma once

#include <QString>

#include "domain/error.h"

struct CaseEvidence;

// Writes a case's evidence report as a PDF (A4, QTextDocument laid out by QPdfWriter, page numbers). The file
// appears whole or not at all: it is written next to its destination and renamed. Needs a QGuiApplication (fonts);
// safe on a worker thread.
Status writeCasePdf(const CaseEvidence &evidence, const QString &path);
