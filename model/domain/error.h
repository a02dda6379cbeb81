#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// An error that crosses layers as a value: a machine-readable code plus a message a user can act on.
struct Error
{
    enum class Code {
        Invalid, // bad input: arguments, ids, JSON, times
        NotFound,
        Io, // files
        Database, // the driver or server refused
        Connection, // could not reach or log in to the server
        NotSnapScope, // the database exists but is not SnapScope's
        SchemaTooNew, // the database was written by a newer SnapScope
        CorruptFrame, // zstd could not decode the stored bytes
        ChecksumMismatch, // decoded bytes differ from what was stored
        UnknownDictionary,
        UnknownCodec,
        BrokenChain, // an incremental snapshot's base is missing or its patch does not apply
        Cancelled,
        Conflict, // what the store holds already stands in the way (a version another record has)
        Forbidden, // the role may not (the client's check, or the server's grants and row-level security)
    };

    Code code = Code::Invalid;
    QString message;

    bool isIntegrityError() const
    {
        return code == Code::CorruptFrame || code == Code::ChecksumMismatch || code == Code::UnknownDictionary
            || code == Code::UnknownCodec || code == Code::BrokenChain;
    }
};

// A value or an Error (std::expected is C++23; this is the part of it the project needs).
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_value); }
    const T &value() const & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// Result of an operation that yields nothing but may fail.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
    { }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};
