import { createRoot } from 'react-dom/client';
import { App, loadFirstView } from './frame/App';
import './styles.css';

loadFirstView();
createRoot(document.getElementById('root')!).render(<App />);
