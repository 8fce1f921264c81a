//! A character cursor over DSL source with OpenFGA's lexical rules: identifiers, spaces,
//! line ends, and `#` comments (a `#` at the start of a line or after whitespace).

/// A position in the source: 0-based line and column (in characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    chars: Vec<char>,
    index: usize,
    pos: Pos,
}

/// Characters an identifier may contain (OpenFGA's extended identifiers allow `.`, `/`, `-`).
pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')
}

impl Cursor {
    pub fn new(src: &str) -> Self {
        Self {
            chars: src.chars().collect(),
            index: 0,
            pos: Pos::default(),
        }
    }

    pub fn pos(&self) -> Pos {
        self.pos
    }

    /// A snapshot to return to with [`Cursor::restore`].
    pub fn mark(&self) -> (usize, Pos) {
        (self.index, self.pos)
    }

    pub fn restore(&mut self, mark: (usize, Pos)) {
        (self.index, self.pos) = mark;
    }

    pub fn peek(&self) -> Option<char> {
        self.chars.get(self.index).copied()
    }

    pub fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.index + ahead).copied()
    }

    pub fn is_eof(&self) -> bool {
        self.index >= self.chars.len()
    }

    pub fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.index += 1;
        if c == '\n' {
            self.pos.line += 1;
            self.pos.col = 0;
        } else {
            self.pos.col += 1;
        }
        Some(c)
    }

    pub fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Skips spaces and tabs; says whether there were any.
    pub fn skip_spaces(&mut self) -> bool {
        let start = self.index;
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.bump();
        }
        self.index > start
    }

    fn at_line_break(&self) -> bool {
        matches!(self.peek(), Some('\n'))
            || (self.peek() == Some('\r') && self.peek_at(1) == Some('\n'))
    }

    fn after_space_or_line_start(&self) -> bool {
        match self.index.checked_sub(1).and_then(|i| self.chars.get(i)) {
            None => true,
            Some(c) => c.is_whitespace(),
        }
    }

    /// Skips spaces and a trailing comment; true when the cursor then stands at a line break
    /// or the end of input (the line break itself is not consumed).
    pub fn at_line_end(&mut self) -> bool {
        self.skip_spaces();
        if self.peek() == Some('#') && self.after_space_or_line_start() {
            while !self.is_eof() && !self.at_line_break() {
                self.bump();
            }
        }
        self.is_eof() || self.at_line_break()
    }

    /// From a line end, skips line breaks and lines holding only spaces and comments, then
    /// the next line's indentation. Returns whether any line break was consumed.
    pub fn skip_blank_lines(&mut self) -> bool {
        let mut broke = false;
        loop {
            if !self.at_line_end() || self.is_eof() {
                return broke;
            }
            if self.peek() == Some('\r') {
                self.bump();
            }
            self.bump();
            broke = true;
        }
    }

    /// Skips spaces, comments and line breaks (inside brackets and parameter lists).
    pub fn skip_trivia(&mut self) {
        self.skip_spaces();
        self.skip_blank_lines();
    }

    /// Reads an identifier, or returns `None` without moving.
    pub fn ident(&mut self) -> Option<String> {
        let mut out = String::new();
        while let Some(c) = self.peek().filter(|c| is_ident_char(*c)) {
            out.push(c);
            self.bump();
        }
        (!out.is_empty()).then_some(out)
    }

    /// Peeks the identifier at the cursor without moving.
    pub fn peek_ident(&self) -> String {
        self.chars
            .iter()
            .skip(self.index)
            .take_while(|c| is_ident_char(**c))
            .collect()
    }

    /// The text from the cursor to the next whitespace, for error messages.
    pub fn peek_token(&self) -> String {
        let word = self.peek_ident();
        if !word.is_empty() {
            return word;
        }
        match self.peek() {
            None => "<EOF>".to_owned(),
            Some('\n') => "\\n".to_owned(),
            Some(c) => c.to_string(),
        }
    }
}
