#include "recordreader.h"

#include <QRegularExpression>

#include <zlib.h>
#include <zstd.h>

#include <cstring>

// The bytes of the device as they were before compression.
class RecordReader::Decoder
{
public:
    Decoder(QIODevice &device, const QString &name)
        : m_device(device)
        , m_name(name)
    { }
    ~Decoder()
    {
        if (m_kind == Kind::Gzip)
            inflateEnd(&m_gzip);
        if (m_zstd)
            ZSTD_freeDStream(m_zstd);
    }
    Decoder(const Decoder &) = delete;
    Decoder &operator=(const Decoder &) = delete;

    // Appends what comes next to `out`: false at the end or on an error (error() says which).
    bool readInto(QByteArray &out)
    {
        if (m_error || m_done)
            return false;
        if (m_kind == Kind::Unknown && !start())
            return false;
        if (m_kind == Kind::Plain) {
            if (m_inPos < m_in.size()) { // what was read to tell the compression
                out.append(m_in.constData() + m_inPos, m_in.size() - m_inPos);
                m_inPos = m_in.size();
                return true;
            }
            const qsizetype before = out.size();
            out.resize(before + ChunkBytes);
            const qint64 n = m_device.read(out.data() + before, ChunkBytes);
            out.resize(before + std::max<qint64>(n, 0));
            if (n < 0)
                return fail(QStringLiteral("reading %1: %2").arg(m_name, m_device.errorString()));
            m_consumed += n;
            m_done = n == 0;
            return n > 0;
        }
        while (true) {
            if (m_inPos == m_in.size() && !m_inputEnded) {
                m_in.resize(ChunkBytes);
                const qint64 n = m_device.read(m_in.data(), ChunkBytes);
                if (n < 0)
                    return fail(QStringLiteral("reading %1: %2").arg(m_name, m_device.errorString()));
                m_in.resize(n);
                m_inPos = 0;
                m_consumed += n;
                m_inputEnded = n == 0;
            }
            if (m_inPos == m_in.size() && m_inputEnded) {
                m_done = true;
                if (!m_frameComplete)
                    return fail(QStringLiteral("%1 ends in the middle of its %2 stream (truncated?)")
                                    .arg(m_name, compression()));
                return false;
            }
            const qsizetype before = out.size();
            out.resize(before + ChunkBytes);
            qsizetype produced = 0;
            if (m_kind == Kind::Gzip) {
                if (m_frameComplete) // another gzip member follows (concatenated .gz files are one stream)
                    inflateReset(&m_gzip);
                m_gzip.next_in = reinterpret_cast<Bytef *>(m_in.data() + m_inPos);
                m_gzip.avail_in = uInt(m_in.size() - m_inPos);
                m_gzip.next_out = reinterpret_cast<Bytef *>(out.data() + before);
                m_gzip.avail_out = uInt(ChunkBytes);
                const int result = inflate(&m_gzip, Z_NO_FLUSH);
                m_inPos = m_in.size() - qsizetype(m_gzip.avail_in);
                produced = ChunkBytes - qsizetype(m_gzip.avail_out);
                if (result != Z_OK && result != Z_STREAM_END && result != Z_BUF_ERROR) {
                    out.resize(before);
                    return fail(QStringLiteral("%1 is not a readable gzip stream (%2)")
                                    .arg(m_name, QString::fromUtf8(m_gzip.msg ? m_gzip.msg : "error")));
                }
                m_frameComplete = result == Z_STREAM_END;
            } else {
                ZSTD_inBuffer input { m_in.constData(), size_t(m_in.size()), size_t(m_inPos) };
                ZSTD_outBuffer output { out.data() + before, size_t(ChunkBytes), 0 };
                const size_t result = ZSTD_decompressStream(m_zstd, &output, &input);
                m_inPos = qsizetype(input.pos);
                produced = qsizetype(output.pos);
                if (ZSTD_isError(result)) {
                    out.resize(before);
                    return fail(QStringLiteral("%1 is not a readable zstd stream (%2)")
                                    .arg(m_name, QString::fromUtf8(ZSTD_getErrorName(result))));
                }
                m_frameComplete = result == 0;
            }
            out.resize(before + produced);
            if (produced > 0)
                return true;
        }
    }

    const std::optional<Error> &error() const { return m_error; }
    qint64 consumed() const { return m_consumed; }
    QString compression() const
    {
        return m_kind == Kind::Gzip ? QStringLiteral("gzip")
            : m_kind == Kind::Zstd  ? QStringLiteral("zstd")
                                    : QString();
    }

private:
    static constexpr qsizetype ChunkBytes = 1 << 20;
    enum class Kind { Unknown, Plain, Gzip, Zstd };

    bool fail(const QString &message)
    {
        m_error = Error { Error::Code::Io, message };
        return false;
    }
    // Reads the first bytes and tells the compression by them.
    bool start()
    {
        m_in.resize(ChunkBytes);
        qint64 n = 0;
        // A pipe gives what it has: enough for the four magic bytes is asked for.
        while (n < 4) {
            const qint64 got = m_device.read(m_in.data() + n, ChunkBytes - n);
            if (got < 0)
                return fail(QStringLiteral("reading %1: %2").arg(m_name, m_device.errorString()));
            if (got == 0)
                break;
            n += got;
        }
        m_in.resize(n);
        m_consumed = n;
        m_inputEnded = n == 0;
        const auto magic = [&](std::initializer_list<unsigned char> bytes) {
            return n >= qint64(bytes.size()) && std::memcmp(m_in.constData(), bytes.begin(), bytes.size()) == 0;
        };
        if (magic({ 0x1f, 0x8b })) {
            m_kind = Kind::Gzip;
            std::memset(&m_gzip, 0, sizeof m_gzip);
            if (inflateInit2(&m_gzip, 15 + 16) != Z_OK)
                return fail(QStringLiteral("cannot start reading gzip"));
        } else if (magic({ 0x28, 0xb5, 0x2f, 0xfd })) {
            m_kind = Kind::Zstd;
            m_zstd = ZSTD_createDStream();
        } else {
            m_kind = Kind::Plain;
        }
        return true;
    }

    QIODevice &m_device;
    QString m_name;
    Kind m_kind = Kind::Unknown;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    bool m_inputEnded = false;
    bool m_done = false;
    bool m_frameComplete = false;
    z_stream m_gzip {};
    ZSTD_DStream *m_zstd = nullptr;
    qint64 m_consumed = 0;
    std::optional<Error> m_error;
};

RecordReader::RecordReader(QIODevice &device, QString name, qsizetype maxRecordBytes)
    : m_device(device)
    , m_name(std::move(name))
    , m_max(maxRecordBytes)
    , m_decoder(std::make_unique<Decoder>(device, m_name))
{
    // A file named as JSON lines is read a line at a time whatever its first line holds (a bad one is one bad record).
    static const QRegularExpression linesName(
        QStringLiteral("\\.(jsonl|ndjson)(\\.gz|\\.zst)?$"), QRegularExpression::CaseInsensitiveOption);
    m_linesByName = linesName.match(m_name).hasMatch();
}

RecordReader::~RecordReader() = default;

qint64 RecordReader::consumed() const
{
    return m_decoder->consumed();
}

QString RecordReader::compression() const
{
    return m_decoder->compression();
}

QString RecordReader::where(const Record &record) const
{
    if (record.index >= 0)
        return QStringLiteral("%1, element %2 (line %3)").arg(m_name).arg(record.index).arg(record.line);
    return QStringLiteral("%1, line %2").arg(m_name).arg(record.line);
}

bool RecordReader::fill(qsizetype n)
{
    if (m_pos > (1 << 20) && m_pos * 2 > m_buffer.size()) { // drop what was read, now and then
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    while (m_buffer.size() - m_pos < n) {
        if (!m_decoder->readInto(m_buffer))
            return false;
    }
    return true;
}

bool RecordReader::atEnd()
{
    return m_pos >= m_buffer.size() && !fill(1);
}

qsizetype RecordReader::valueEnd(qsizetype from, bool *tooLong)
{
    // Bracket matching that knows strings: enough to find where a value ends; whether it is valid JSON is the
    // parser's to say.
    int depth = 0;
    bool inString = false, escaped = false;
    qsizetype i = from;
    const char first = m_buffer.at(from);
    const bool scalar = first != '{' && first != '[';
    while (true) {
        if (i >= m_buffer.size()) {
            if (i - from > m_max) {
                *tooLong = true;
                return i;
            }
            const qsizetype offset = from - m_pos;
            const qsizetype scanned = i - m_pos;
            if (!fill(scanned + 1))
                return -1;
            // fill() may have moved the buffer's start
            from = m_pos + offset;
            i = m_pos + scanned;
        }
        const char c = m_buffer.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (scalar) {
            if (c == '\n' || c == '\r' || c == ',' || c == ']' || c == ' ' || c == '\t')
                return i;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return i + 1;
        }
        ++i;
    }
}

Result<std::optional<RecordReader::Record>> RecordReader::next()
{
    if (m_error)
        return *m_error;
    const auto streamError = [&](const QString &message) -> Error {
        m_error = Error { Error::Code::Invalid, message };
        return *m_error;
    };
    // Skips white space (and, in an array, the comma before an element), counting lines.
    const auto skipSpace = [&] {
        while (!atEnd()) {
            const char c = m_buffer.at(m_pos);
            if (c == '\n')
                ++m_line;
            else if (c != ' ' && c != '\t' && c != '\r')
                return;
            ++m_pos;
        }
    };
    skipSpace();
    if (const auto &e = m_decoder->error())
        return streamError(e->message);
    if (m_layout == Layout::Unknown) {
        if (atEnd())
            return std::optional<Record>();
        if (fill(3) && m_buffer.mid(m_pos, 3) == "\xEF\xBB\xBF") { // a UTF-8 byte order mark is not JSON
            m_pos += 3;
            skipSpace();
            if (atEnd())
                return std::optional<Record>();
        }
        // A '[' first: an array of records. Else the first record tells: one line of its own makes JSON lines.
        if (m_buffer.at(m_pos) == '[') {
            m_layout = Layout::Array;
            ++m_pos;
            skipSpace();
        } else if (m_linesByName) {
            m_layout = Layout::Lines;
        } else {
            bool tooLong = false;
            const qsizetype end = valueEnd(m_pos, &tooLong);
            const qsizetype newline = m_buffer.indexOf('\n', m_pos);
            m_layout = (end >= 0 && !tooLong && (newline < 0 || newline >= end)) ? Layout::Lines : Layout::Values;
        }
    }
    if (m_layout == Layout::Array) {
        if (m_arrayClosed) {
            if (!atEnd())
                return streamError(
                    QStringLiteral("%1, line %2: something follows the array's end").arg(m_name).arg(m_line));
            return std::optional<Record>();
        }
        if (atEnd())
            return streamError(QStringLiteral("%1 ends inside its array (truncated?)").arg(m_name));
        if (m_index > 0) {
            const char c = m_buffer.at(m_pos);
            if (c == ']') {
                m_arrayClosed = true;
                ++m_pos;
                return next();
            }
            if (c != ',')
                return streamError(QStringLiteral("%1, line %2: expected ',' or ']' after element %3")
                                       .arg(m_name)
                                       .arg(m_line)
                                       .arg(m_index - 1));
            ++m_pos;
            skipSpace();
            if (atEnd())
                return streamError(QStringLiteral("%1 ends inside its array (truncated?)").arg(m_name));
        } else if (m_buffer.at(m_pos) == ']') {
            m_arrayClosed = true;
            ++m_pos;
            return next();
        }
    }
    if (atEnd()) {
        if (const auto &e = m_decoder->error())
            return streamError(e->message);
        return std::optional<Record>();
    }

    Record record;
    record.line = m_line;
    record.index = m_layout == Layout::Array ? m_index++ : -1;
    const bool lines = m_layout == Layout::Lines;
    bool tooLong = false;
    qsizetype end = -1;
    if (lines) {
        // One record per line, whatever it holds.
        qsizetype i = m_pos;
        while (true) {
            const qsizetype newline = m_buffer.indexOf('\n', i);
            if (newline >= 0) {
                end = newline;
                break;
            }
            if (m_buffer.size() - m_pos > m_max) {
                tooLong = true;
                break;
            }
            i = m_buffer.size();
            const qsizetype offset = i - m_pos;
            if (!fill(offset + 1)) {
                end = m_buffer.size();
                break;
            }
            i = m_pos + offset;
        }
    } else {
        end = valueEnd(m_pos, &tooLong);
        if (end == m_pos)
            end = m_pos + 1; // a stray ',' or ']' between values: a record of its own, which the parser refuses
    }
    if (const auto &e = m_decoder->error())
        return streamError(e->message);
    if (tooLong) {
        record.tooLong = true;
        if (!lines)
            return streamError(QStringLiteral("%1: a record over %2 MiB (truncated input, or not JSON?)")
                                   .arg(where(record))
                                   .arg(m_max >> 20));
        // The rest of the line is skipped, a chunk at a time.
        while (true) {
            const qsizetype newline = m_buffer.indexOf('\n', m_pos);
            if (newline >= 0) {
                m_pos = newline;
                break;
            }
            m_pos = m_buffer.size();
            if (!fill(1))
                break;
        }
        return std::optional(std::move(record));
    }
    if (end < 0) {
        if (m_layout == Layout::Array)
            return streamError(QStringLiteral("%1 ends inside its array (truncated?)").arg(m_name));
        end = m_buffer.size(); // a value the stream cuts off: the parser names what is wrong with it
    }
    record.text = m_buffer.mid(m_pos, end - m_pos);
    for (qsizetype i = m_pos; i < end; ++i) {
        if (m_buffer.at(i) == '\n')
            ++m_line;
    }
    m_pos = end;
    if (record.text.endsWith('\r'))
        record.text.chop(1);
    return std::optional(std::move(record));
}
