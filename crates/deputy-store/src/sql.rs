//! Small helpers shared by the repositories: placeholder lists for multi-row statements
//! and typed column reads with errors that name the column.

use crate::StoreError;
use sqlx::Row;
use sqlx::any::AnyRow;
use std::str::FromStr;

/// `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `cols` columns.
pub(crate) fn values_list(rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 6);
    let mut n = 0;
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for c in 0..cols {
            if c > 0 {
                s.push_str(", ");
            }
            n += 1;
            s.push('$');
            s.push_str(&n.to_string());
        }
        s.push(')');
    }
    s
}

/// `$first, $first+1, …` for an `IN (…)` list of `count` values.
pub(crate) fn in_list(first: usize, count: usize) -> String {
    (first..first + count).map(|n| format!("${n}")).collect::<Vec<_>>().join(", ")
}

/// How many rows of `cols` bound values fit in one statement on every backend
/// (SQLite allows 32,766 variables, PostgreSQL 65,535).
pub(crate) fn rows_per_statement(cols: usize) -> usize {
    (30_000 / cols.max(1)).clamp(1, 1_000)
}

pub(crate) fn text(row: &AnyRow, col: &'static str) -> Result<String, StoreError> {
    Ok(row.try_get::<String, _>(col)?)
}

pub(crate) fn opt_text(row: &AnyRow, col: &'static str) -> Result<Option<String>, StoreError> {
    Ok(row.try_get::<Option<String>, _>(col)?)
}

pub(crate) fn int(row: &AnyRow, col: &'static str) -> Result<i64, StoreError> {
    Ok(row.try_get::<i64, _>(col)?)
}

pub(crate) fn opt_int(row: &AnyRow, col: &'static str) -> Result<Option<i64>, StoreError> {
    Ok(row.try_get::<Option<i64>, _>(col)?)
}

pub(crate) fn opt_u32(row: &AnyRow, col: &'static str) -> Result<Option<u32>, StoreError> {
    opt_int(row, col)?
        .map(|v| u32::try_from(v).map_err(|_| StoreError::Corrupt { column: col, value: v.to_string() }))
        .transpose()
}

/// Parses a stored enum-like text column.
pub(crate) fn parsed<T: FromStr>(row: &AnyRow, col: &'static str) -> Result<T, StoreError> {
    let v = text(row, col)?;
    v.parse().map_err(|_| StoreError::Corrupt { column: col, value: v })
}

pub(crate) fn opt_parsed<T: FromStr>(row: &AnyRow, col: &'static str) -> Result<Option<T>, StoreError> {
    opt_text(row, col)?
        .map(|v| v.parse().map_err(|_| StoreError::Corrupt { column: col, value: v }))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_lists() {
        assert_eq!(values_list(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(in_list(3, 3), "$3, $4, $5");
        assert!(rows_per_statement(23) * 23 <= 32_766);
    }
}
