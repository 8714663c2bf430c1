// The test copies ../content to docs/ beside this file and runs `docusaurus build`: the docs
// plugin at the site root, with its tag pages, navbar, sidebar, table of contents and footer.
export default {
  title: 'Contoso Docs',
  url: 'https://help.example',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: { routeBasePath: '/', editUrl: 'https://example.invalid/edit/' },
        blog: false,
        pages: false,
      },
    ],
  ],
  themeConfig: {
    navbar: { title: 'Contoso Docs', items: [{ type: 'doc', docId: 'index', label: 'Contoso guides' }] },
    footer: { copyright: 'Copyright Contoso Footer Ltd' },
  },
};
