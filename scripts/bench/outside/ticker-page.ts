/**
 * A page that never stops changing, to measure what an extension costs on such a page over time:
 * a live ticker of made-up local sports results that gains a line every 100 ms (the oldest lines
 * drop off past 100), and a feed of made-up recipe cards that gains a card of about 1,500
 * characters in 13 elements every second. Nothing in it is news about anything.
 */
import type { ServedPage } from '../../lib/fixture-server';

/** Where the ticker page is served. */
export const TICKER_URL = 'http://ticker.test/live';

/** The ticker page, to add to the fixture server's list. */
export function tickerPage(): ServedPage {
  return { url: TICKER_URL, html: TICKER_HTML };
}

// The page's own script builds every node with createElement/textContent.
const TICKER_SCRIPT = `
const teams = ['Riverside Otters', 'Hillcrest Badgers', 'Millbrook Rovers', 'Oakfield Kestrels',
  'Lakeside Herons', 'Stonebridge Foxes', 'Westgate Larks', 'Ashdown Wanderers'];
const dishes = ['Lemon barley salad', 'Roast squash with sage', 'Buttermilk pancakes',
  'Leek and potato soup', 'Spiced lentil stew', 'Pear and almond tart', 'Herb omelette',
  'Tomato and bean bake'];
const ingredients = ['two lemons', 'a cup of pearl barley', 'a bunch of parsley', 'olive oil',
  'sea salt', 'black pepper', 'three leeks', 'a knob of butter', 'two pears', 'ground almonds',
  'six eggs', 'a tin of beans', 'fresh thyme', 'a small squash', 'brown sugar', 'plain flour'];
let seed = 7;
const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const pick = (list) => list[next(list.length)];
const element = (tag, text) => { const node = document.createElement(tag); if (text) node.textContent = text; return node; };
const ticker = document.getElementById('ticker');
const feed = document.getElementById('feed');
let minute = 1;
setInterval(() => {
  minute = (minute % 90) + 1;
  const home = pick(teams);
  let away = pick(teams);
  if (away === home) away = teams[(teams.indexOf(home) + 1) % teams.length];
  ticker.prepend(element('li', minute + "' " + home + ' ' + next(4) + '-' + next(4) + ' ' + away));
  while (ticker.children.length > 100) ticker.lastElementChild.remove();
}, 100);
let card = 0;
setInterval(() => {
  card += 1;
  const article = element('article');
  article.append(element('h3', pick(dishes) + ', card ' + card));
  article.append(element('p', 'Serves ' + (2 + next(5)) + ', ready in ' + (15 + next(50)) + ' minutes. A weeknight dish from the community kitchen, tested twice by volunteers.'));
  const list = element('ul');
  for (let i = 0; i < 5; i++) list.append(element('li', pick(ingredients) + ', prepared as you like it'));
  article.append(list);
  const steps = element('ol');
  steps.append(element('li', 'Warm the oven and get every ingredient out on the counter so nothing is forgotten halfway through the cooking, and rinse what needs rinsing.'));
  steps.append(element('li', 'Cook the base slowly over a low heat, stirring now and then, until it smells sweet and has softened all the way through without taking on colour.'));
  steps.append(element('li', 'Bring it all together, taste, season again, and rest it for five minutes before serving it warm with bread or a green salad on the side.'));
  article.append(steps);
  article.append(element('p', 'Note: keeps for two days in the fridge in a covered dish; reheat gently with a splash of water. Swap the herbs for whatever the garden has this week, and halve the quantities for one.'));
  feed.append(article);
}, 1000);
`;

const TICKER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Saturday live: local league scores and the kitchen feed</title></head>
<body>
<header><h1>Saturday live</h1><p>Scores from the local leagues as they come in, and this week's recipe cards.</p></header>
<main>
<section><h2>Live scores</h2><ol id="ticker"></ol></section>
<section><h2>Kitchen feed</h2><div id="feed"></div></section>
</main>
<script>${TICKER_SCRIPT}</script>
</body>
</html>
`;
