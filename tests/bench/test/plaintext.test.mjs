import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToText } from '../lib/plaintext.mjs';

test('keeps prose and code, drops Markdown and HTML syntax and link targets', () => {
  const md = [
    '# Fix NDR error 550 5.1.1 {#ndr}',
    '',
    '> [!NOTE]',
    '> See [the **admin** center](https://admin.example.com/a_(b)) and ![diagram](img/x.png).',
    '',
    '- Run `Get-FederationTrust` <br/>now',
    '1. Set tidb_enable_fast_create_table to _ON_',
    '',
    '| Name | Value |',
    '|---|:---:|',
    '| a | b |',
    '',
    '```sql',
    'SET GLOBAL x = ON;',
    '```',
    '<!-- hidden -->',
    ':::image type="content" source="a.png" alt-text="A":::',
    '[ref]: https://example.com',
    'Use &lt;Enter&gt;&nbsp;now {{< copyable "sql" >}}',
  ].join('\n');
  assert.equal(
    markdownToText(md),
    [
      'Fix NDR error 550 5.1.1',
      'See the admin center and diagram.',
      'Run Get-FederationTrust now',
      'Set tidb_enable_fast_create_table to ON',
      'Name Value',
      'a b',
      'SET GLOBAL x = ON;',
      'Use <Enter> now',
    ].join('\n'),
  );
});

test('Chinese text passes through unchanged', () => {
  assert.equal(markdownToText('## 与 TiDB 工具的兼容性\n\n合并后的批量建表语句。'), '与 TiDB 工具的兼容性\n合并后的批量建表语句。');
});
