#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "domain/error.h"

// RFC 8259 JSON read strictly. QJsonDocument alone accepts "-2.", raw control characters in strings and bad
// escapes (see ../shared/data/README.md), so text from outside is checked here first.
namespace StrictJson {

struct Problem
{
    qsizetype offset = 0;
    int line = 1;
    int column = 1;
    QString message;
};

// nullopt-like: an empty message means the text is valid JSON (any top-level value).
Problem validate(const QByteArray &text, int maxDepth = 512);
// A JSON object from outside; `source` names the file or argument in the error message.
Result<QJsonObject> parseObject(const QByteArray &text, const QString &source);

} // namespace StrictJson
