#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
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

enum class Rules {
    Syntax, // RFC 8259 grammar only: what the conformance suite's y_ and n_ files decide
    Data, // also refuses what would be read as something else: duplicate member names, lone surrogate escapes,
          // numbers out of range or too small to be kept
    Stored, // what SnapScope wrote: the grammar, plus where the numbers a double cannot hold are (JsonNumber), and
            // no string that starts with JsonNumber's mark
};

// An empty message means the text is valid JSON (any top-level value) under the rules.
Problem validate(const QByteArray &text, Rules rules = Rules::Data, int maxDepth = 512);
// A JSON value from outside, read under Rules::Data, numbers a double cannot hold kept as their digits (JsonNumber);
// `source` names the file or argument in the error message.
Result<QJsonValue> parse(const QByteArray &text, const QString &source);
// The same for a JSON object.
Result<QJsonObject> parseObject(const QByteArray &text, const QString &source);
// Text SnapScope wrote (a stored payload's canonical form, a JSON column), numbers kept as parse() keeps them. Read by
// QJsonDocument alone unless it holds a run of 16 number characters or a "\udfff" escape, and then under
// Rules::Stored: what was accepted once is read again (duplicate names, lone surrogates and tiny numbers included).
Result<QJsonValue> readStored(const QByteArray &text);

} // namespace StrictJson
