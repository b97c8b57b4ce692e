import { useEffect } from 'react';
import { GLOSSARY } from '@claimflow/domain';

/** /glossary: the terms the pages use, each with an anchor the pages link to. */
export function GlossaryPage() {
  useEffect(() => {
    // An in-app link to /glossary#term lands on the term, as a page load would.
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <section aria-labelledby="glossary-title">
      <h1 id="glossary-title">Glossary</h1>
      <p className="lead">The words our pages use, in plain terms.</p>
      <dl className="glossary">
        {GLOSSARY.map((t) => (
          <div key={t.id} id={t.id}>
            <dt>{t.term}</dt>
            <dd>{t.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
