// Ticket-like texts for the `ticket` kind: each hand-written question of a set
// (tests/relevance/<corpus>-questions.jsonl) wrapped the way customers write to support — a
// greeting, one or two sentences of context about something else, the question, a closing and
// a signature — with seeded choices, so the same set always gives the same texts. The question
// keeps its words and its relevant articles; everything around it is noise a suggestion must
// see past. Chinese tickets mix in English greetings and signatures, as real ones do.

/** A small seeded generator (mulberry32): the same seed, the same tickets, on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = {
  greetings: ['Hi,', 'Hello,', 'Hi team,', 'Hello support team,', 'Dear Support,', 'Good morning,', 'Hey there,', 'Hi all,'],
  // Context about the customer's situation, on other topics than any one question.
  context: [
    'We moved our company to Microsoft 365 last year and most things went fine.',
    'I am the only IT person in an office of about forty people.',
    'Everything worked normally until last week.',
    'I already restarted my laptop twice and signed out and back in.',
    'Our users are spread over three offices in two countries.',
    'My manager asked me to sort this out before Monday.',
    'We had a similar problem with printers a while ago, but that was fixed by the vendor.',
    'Some of our staff work from home on their own computers.',
    'I looked through a few forum posts but nothing matched exactly.',
    'We are a small accounting firm and use Windows 11 on every desk.',
    'Last month we also set up Teams for the sales department, which went well.',
    'I tried this on two different machines with the same result.',
    'This is urgent for us because our quarterly report is due.',
    'Our previous admin left and did not leave much documentation.',
    'We have about 250 mailboxes and a handful of shared calendars.',
    'I am writing on behalf of our finance team.',
  ],
  asks: ['{Q}?', '{Q}?', 'My question: {q}?', 'Quick question: {q}?', '{Q}.', 'I need help with this: {q}.', 'Can you tell me {q}?'],
  closings: ['Thanks,', 'Thank you in advance!', 'Best regards,', 'Kind regards,', 'Cheers,', 'Thanks a lot for your help.', 'Regards,'],
  signatures: ['Anna', 'Marco Rossi\nIT Administrator, Contoso Ltd.', 'J. Smith', 'Priya Natarajan | Fabrikam Inc. | +1 425 555 0100', 'Tom\n\nSent from my iPhone', 'Lena Weber\nOffice Manager'],
};

const ZH = {
  greetings: ['您好，', '你好，', '老师好，', 'Hi，', '您好！', '各位好，', 'Hello，', '你好呀，'],
  context: [
    '我们公司用 TiDB 差不多两年了，一直比较稳定。',
    '集群是三台物理机部署的，版本不算新。',
    '上周刚做过一次扩容，当时一切正常。',
    '我是刚接手这块的 DBA，之前没怎么接触过。',
    '领导让我这周之内把这个事情搞定。',
    '我在网上搜了一些帖子，但是都不太对得上。',
    '测试环境和生产环境都遇到了同样的情况。',
    '我们的业务主要是电商订单，白天压力比较大。',
    '之前从 MySQL 迁过来的时候也踩过不少坑。',
    '公司内网不能直接访问外网，装东西比较麻烦。',
    '运维同事已经重启过一次服务了。',
    '这个问题比较急，明天要给客户演示。',
    'We also have a few Java services connecting through a proxy.',
    '文档我看了一部分，还是没太看明白。',
  ],
  asks: ['{q}？', '{q}？', '想请教一下，{q}？', '我想问一下：{q}。', '请问{q}？', '{q}。', '麻烦帮忙看看：{q}。'],
  closings: ['谢谢！', '多谢！', '麻烦尽快回复，谢谢。', 'Thanks！', '辛苦了，谢谢！', '感谢！'],
  signatures: ['张伟', '王磊\n某某科技有限公司 运维部', 'Li Na', '小陈', '赵敏 | 数据平台组', 'Kevin Zhang\nSent from my iPhone'],
};

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

function capitalize(q) {
  return q.charAt(0).toUpperCase() + q.slice(1);
}

/**
 * The ticket kind made from `questions` (objects of a question set): same qid suffix, same
 * relevant ids, kind `ticket`, and `question` holding the bare question. `lang` is 'en' or 'zh'.
 */
export function ticketsFrom(questions, lang, seed = 20261203) {
  const words = lang === 'zh' ? ZH : EN;
  const rand = random(seed);
  return questions.map((question) => {
    const q = question.q.trim().replace(/[?？。.]+$/u, '');
    const contexts = [pick(rand, words.context)];
    if (rand() < 0.5) {
      const second = pick(rand, words.context);
      if (second !== contexts[0]) contexts.push(second);
    }
    const ask = pick(rand, words.asks).replace('{Q}', capitalize(q)).replace('{q}', q);
    // The question comes after the context most often, sometimes first.
    const body = rand() < 0.75 ? [...contexts, ask] : [ask, ...contexts];
    const space = lang === 'zh' ? '' : ' ';
    const text = [pick(rand, words.greetings), '', body.join(space), '', pick(rand, words.closings), pick(rand, words.signatures)].join('\n');
    return { ...question, qid: question.qid.replace(/-q-/, '-t-'), q: text, kind: 'ticket', question: question.q };
  });
}

/**
 * Tickets made long: more context sentences (from the same pools, seeded) before the question
 * until the text holds `words` words (a Chinese character counts as half a word, as a
 * translation runs), for the latency of long text.
 */
export function longTickets(tickets, lang, words = 300, seed = 7) {
  const pool = lang === 'zh' ? ZH.context : EN.context;
  const rand = random(seed);
  const count = (t) => (t.match(/[A-Za-z0-9]+/g)?.length ?? 0) + (t.match(/\p{Script=Han}/gu)?.length ?? 0) / 2;
  return tickets.map((t) => {
    let text = t.q;
    while (count(text) < words) text = `${pick(rand, pool)}${lang === 'zh' ? '' : ' '}${text}`;
    return text;
  });
}
