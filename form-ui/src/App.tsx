// The page shell. The guided story form replaces the placeholder section (see the form issue).
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Till huvudinnehållet
      </a>
      <header className="site-header">
        <p className="site-name">Medskapa · Västra Götalandsregionen</p>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>Berätta om din upplevelse av vården</h1>
        <p>
          Formuläret öppnar snart. Det här är inte rätt väg vid akuta besvär eller klagomål: ring 112 vid fara för liv, 1177 för
          sjukvårdsrådgivning, och vänd dig till patientnämnden med klagomål.
        </p>
      </main>
    </>
  );
}
