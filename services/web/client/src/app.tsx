import { useEffect, useRef } from 'react';
import { SearchBox } from './components/search-box';
import { CheckPage } from './pages/check-page';
import { ClaimsPage } from './pages/claims-page';
import { CodePage } from './pages/code-page';
import { EditAccuracyPage } from './pages/edit-accuracy-page';
import { GlossaryPage } from './pages/glossary-page';
import { HomePage } from './pages/home-page';
import { ReportPage } from './pages/report-page';
import { Link, useLocation } from './router';

function Page({ path, query }: { path: string; query: URLSearchParams }) {
  const code = /^\/codes\/([^/]+)\/?$/.exec(path);
  if (code) return <CodePage key={code[1]} code={decodeURIComponent(code[1]).toUpperCase()} query={query} />;
  if (path === '/check') return <CheckPage />;
  if (path === '/claims') return <ClaimsPage />;
  if (path === '/edit-accuracy') return <EditAccuracyPage />;
  if (path === '/glossary') return <GlossaryPage />;
  if (path === '/report') return <ReportPage code={query.get('code') ?? ''} />;
  if (path === '/') return <HomePage />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. Try a code search, or go to the <Link to="/">start page</Link>.
      </p>
    </section>
  );
}

const NAV = [
  { to: '/', label: 'Home' },
  { to: '/codes/77003', label: 'Code look-up', match: '/codes/' },
  { to: '/check', label: 'Check a claim' },
  { to: '/claims', label: 'My claims' },
  { to: '/report', label: 'Report a denial' },
  { to: '/edit-accuracy', label: 'Edit accuracy' },
];

export function App() {
  const { path, query } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    // After an in-app navigation, move focus to the new content as a page load would; not on the first load.
    if (first.current) return void (first.current = false);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            ClaimFlow
          </Link>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => {
                const current = n.match ? path.startsWith(n.match) : path === n.to;
                return (
                  <li key={n.to}>
                    <Link to={n.to} aria-current={current ? 'page' : undefined}>
                      {n.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <SearchBox id="header-search" />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} query={query} />
      </main>
      <footer className="site-footer">
        <p>
          Figures come from CMS fee schedule and NCCI files as loaded in ClaimFlow; summaries and guidance are our own words. Verify with
          your MAC before billing. <Link to="/glossary">Glossary</Link>
        </p>
      </footer>
    </>
  );
}
