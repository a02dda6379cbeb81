#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <memory>
#include <optional>

#include "domain/error.h"

// The records of one export as its store writes them, read as a stream (never the whole file): JSON lines (one record
// per line, as `COPY ... row_to_json`, mongoexport and DynamoDB's export write them), one JSON array of records (an
// API's list, `mongoexport --jsonArray`), or JSON values one after another (one pretty-printed object per file). The
// bytes may be gzip or zstd compressed (told by their first bytes, so standard input works too). A file named .jsonl
// or .ndjson is JSON lines; otherwise its first character and first record tell.
class RecordReader
{
public:
    struct Record
    {
        QByteArray text; // empty when the record was too long to keep (tooLong)
        int line = 0; // where it starts, from 1
        qsizetype index = -1; // its place in a JSON array, from 0; -1 outside one
        bool tooLong = false;
    };

    // Reads `device` (open for reading, owned by the caller); `name` names it in messages.
    RecordReader(QIODevice &device, QString name, qsizetype maxRecordBytes);
    ~RecordReader();

    // The next record; nullopt at the end. An error is the stream's (unreadable, a truncated compressed stream, an
    // array that breaks off): nothing after it can be read.
    Result<std::optional<Record>> next();
    // "orders.jsonl, line 12" or "orders.json, element 3 (line 12)".
    QString where(const Record &record) const;
    // Bytes taken from the device so far (compressed bytes for a compressed file): for progress.
    qint64 consumed() const;
    // "gzip", "zstd" or "" (plain), known after the first next().
    QString compression() const;

private:
    class Decoder;
    enum class Layout { Unknown, Lines, Array, Values };

    // Makes at least `n` bytes after m_pos available in m_buffer unless the stream ends; false on a stream error.
    bool fill(qsizetype n);
    bool atEnd();
    // The value starting at m_pos, by bracket matching; its end (exclusive), or -1 when the stream ends first.
    qsizetype valueEnd(qsizetype from, bool *tooLong);

    QIODevice &m_device;
    QString m_name;
    qsizetype m_max;
    std::unique_ptr<Decoder> m_decoder;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_index = 0;
    Layout m_layout = Layout::Unknown;
    bool m_arrayClosed = false;
    bool m_linesByName = false; // .jsonl or .ndjson (compressed or not)
    std::optional<Error> m_error;
};
