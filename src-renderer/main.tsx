// First: the list's requests go out before React's modules are evaluated (firstRequests.ts).
import { firstAnswers } from './frame/firstRequests';
import { createRoot } from 'react-dom/client';
import { App, loadFirstView } from './frame/App';
import './styles.css';

loadFirstView(firstAnswers);
createRoot(document.getElementById('root')!).render(<App />);
