import { createRoot } from 'react-dom/client';
import { App } from './frame/App';
import './styles.css';

createRoot(document.getElementById('root')!).render(<App />);
