// The test copies ../content next to this folder and runs `vitepress build`.
export default {
  title: 'Contoso Docs',
  lang: 'en',
  cleanUrls: false,
  themeConfig: {
    nav: [{ text: 'Contoso home', link: '/' }],
    sidebar: [
      {
        text: 'Contoso guides',
        items: [
          { text: 'Reset your password', link: '/account/reset-password' },
          { text: 'Refunds and invoices', link: '/billing' },
          { text: '导出数据', link: '/export-data' },
          { text: '同步失败怎么办', link: '/sync' },
          { text: 'Contact support', link: '/contact' },
        ],
      },
    ],
    footer: { message: 'Contoso footer message', copyright: 'Copyright Contoso Footer Ltd' },
    editLink: { pattern: 'https://example.invalid/edit/:path', text: 'Edit this page' },
  },
};
