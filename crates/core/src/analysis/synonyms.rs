//! Support vocabulary: phrases that mean the same to a customer and are written differently
//! in articles ("not working" / "doesn't work" / "fails"; 删除 / 删掉 / 移除).
//!
//! A table is a list of *groups*, each a list of equivalent phrases. helpdex carries a small
//! built-in table per language ([`BUILT_IN`]); a site adds its own with `helpdex build
//! --synonyms FILE` (format: [`Synonyms::parse`]), stored in the index. Both are applied at
//! query time (see `search::synonyms`), so a changed table needs no change of analysis.

use serde::{Deserialize, Serialize};

use super::{Fold, Tokenizer};

/// The built-in groups, in the site file's format. Phrases are tokenized like any text, so
/// `doesn't` and `doesn't` (curly) are one phrase.
pub const BUILT_IN: &str = "\
# English: symptoms
not working, doesn't work, does not work, isn't working, stopped working, fails, broken, doesn't function
can't, cannot, unable, couldn't
missing, not showing, not visible, doesn't appear, not displayed, disappeared, isn't displayed, can't see, doesn't pop up, don't pop up, doesn't show up
not receiving, not getting, doesn't receive, don't receive, doesn't get, don't get, never arrives, not delivered
won't open, can't open, doesn't open, fails to open, unable to open
too large, too big, bigger than, exceeds, over the limit, larger than
freezes, freezing, hangs, not responding, stops responding, unresponsive, stuck
crashes, crash, closes unexpectedly, quits unexpectedly
slow, sluggish, takes a long time, performance
greyed out, grayed out, unavailable
# English: actions and things
sign in, log in, login, logon, signin
sign out, log out, logout, signout
delete, remove, erase
turn off, disable, switch off
turn on, enable, switch on
set up, setup, configure
uninstall, remove
update, upgrade
automatic, auto, automatically
prevent, stop, block
give access, grant access, grant permission, assign permission
version, build number
phone, mobile device, smartphone, mobile
staff, employees, users
email, e-mail, mail
picture, photo, image
out of office, automatic replies, auto reply, autoreply
meeting request, meeting invite, invitation
mailbox size, mailbox quota, storage quota, storage limit
# 中文：症状
报错, 错误, 失败, 出错
卡住, 卡死, 无响应, 没反应, 不响应
连不上, 无法连接, 连接失败, 连接不上
很慢, 变慢, 性能差, 慢
启动不了, 无法启动, 启动失败, 起不来
# 中文：操作与事物
删除, 删掉, 移除, 去掉
登录, 登陆, 登入
密码, 口令
备份, backup
恢复, 还原, restore
扩容, 添加节点, 增加节点, scale out
缩容, 下线节点, 删除节点, scale in
升级, 更新, upgrade
重启, 重新启动, restart
暂停, pause
设置, 配置
账号, 账户, 帐号, 帐户
创建, 新建, 建立
修改, 更改, 改成
查看, 查询, 显示
开启, 启用, 打开, enable
关闭, 禁用, 关掉, disable
宕机, 挂了, 挂掉, 故障, down
内存不足, 内存不够, 内存溢出, oom, out of memory
磁盘满, 空间不足, 磁盘空间不足, disk full
超时, timeout, time out
慢查询, 慢 sql, slow query
告警, 报警, 警报, alert
日志, log
";

/// Longest phrase, in terms; longer ones are refused.
pub const MAX_PHRASE_TERMS: usize = 8;
/// Phrases in one group; more are refused.
pub const MAX_GROUP_PHRASES: usize = 32;

/// Groups of equivalent phrases, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synonyms {
    groups: Vec<Vec<String>>,
}

/// A line of a synonyms file that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynonymError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for SynonymError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for SynonymError {}

/// The groups of a synonyms file, by line number from 0: its lines but blank ones and `#`
/// comments, split at commas.
fn lines(text: &str) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    text.lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
        .map(|(n, line)| (n, line.split(',').map(|p| p.trim().to_string()).collect()))
}

/// A group, tokenized: each phrase as its folded terms.
pub type TokenizedGroup = Vec<Vec<String>>;

impl Synonyms {
    /// Reads a synonyms file: one group per line, its phrases separated by commas
    /// (`sign in, log in, login`); blank lines and lines starting with `#` are skipped.
    /// Every line is checked; the first bad one is the error.
    pub fn parse<F: Fold + ?Sized>(text: &str, fold: &F) -> Result<Synonyms, SynonymError> {
        let mut groups = Vec::new();
        for (n, phrases) in lines(text) {
            let error = |reason: String| SynonymError {
                line: n + 1,
                reason,
            };
            if phrases.len() < 2 {
                return Err(error(
                    "a group needs at least two phrases, separated by commas".into(),
                ));
            }
            if phrases.len() > MAX_GROUP_PHRASES {
                return Err(error(format!("more than {MAX_GROUP_PHRASES} phrases")));
            }
            for p in &phrases {
                match terms(p, fold).len() {
                    0 => return Err(error(format!("phrase \"{p}\" has no words"))),
                    n if n > MAX_PHRASE_TERMS => {
                        return Err(error(format!(
                            "phrase \"{p}\" has more than {MAX_PHRASE_TERMS} words"
                        )))
                    }
                    _ => {}
                }
            }
            groups.push(phrases);
        }
        Ok(Synonyms { groups })
    }

    /// The built-in table. Read without [`Synonyms::parse`]'s checks, which a test runs: the
    /// browser module then carries none of their messages' formatting code.
    pub fn built_in() -> Synonyms {
        Synonyms {
            groups: lines(BUILT_IN).map(|(_, phrases)| phrases).collect(),
        }
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the table keeps the limits [`Synonyms::parse`] checks (a table read from an
    /// index file may not).
    pub fn validate<F: Fold + ?Sized>(&self, fold: &F) -> bool {
        self.groups.iter().all(|g| {
            (2..=MAX_GROUP_PHRASES).contains(&g.len())
                && g.iter()
                    .all(|p| (1..=MAX_PHRASE_TERMS).contains(&terms(p, fold).len()))
        })
    }

    /// Every group, each phrase as its folded terms.
    pub fn tokenized<F: Fold + ?Sized>(&self, fold: &F) -> Vec<TokenizedGroup> {
        let terms = |p: &String| terms(p, fold);
        self.groups
            .iter()
            .map(|g| g.iter().map(terms).collect())
            .collect()
    }
}

/// The folded terms of a phrase, as the tokenizer splits any text.
fn terms<F: Fold + ?Sized>(phrase: &str, fold: &F) -> Vec<String> {
    let mut out = Vec::new();
    Tokenizer::new(fold).tokenize(phrase, 0, |t| out.push(t.term.to_string()));
    out
}

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use crate::analysis::FullFold;

    #[test]
    fn the_built_in_table_parses() {
        let table = Synonyms::built_in();
        assert!(table.len() > 30);
        // The checks `built_in` skips.
        assert_eq!(Synonyms::parse(BUILT_IN, &FullFold).unwrap(), table);
        let groups = table.tokenized(&FullFold);
        assert!(groups.iter().any(|g| g.contains(&vec![
            "doesn".to_string(),
            "t".into(),
            "work".into()
        ])));
        assert!(groups.iter().any(|g| g.contains(&vec!["删掉".to_string()])));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Synonyms::parse("# ok\nsign in, log in\nlonely\n", &FullFold).unwrap_err();
        assert_eq!(err.line, 3);
        let err = Synonyms::parse("a, , b", &FullFold).unwrap_err();
        assert!(err.reason.contains("no words"), "{err}");
        assert!(Synonyms::parse("", &FullFold).unwrap().is_empty());
    }
}
