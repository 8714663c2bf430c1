// <helpdex-search> in the header (registered by helpdex/define), and the same index queried
// with createSearch by a React component that renders its own list.
import 'helpdex/define';
import { Answers } from './Answers.jsx';

export function App() {
  return (
    <>
      <header>
        <h1>Acme help center</h1>
        <helpdex-search base="/search/" placeholder="Search the help center"></helpdex-search>
      </header>
      <main>
        <Answers />
      </main>
    </>
  );
}
