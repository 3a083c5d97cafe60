// The console's entry point: one page, its views chosen by the fragment (#/keys), which never reaches
// the server. Each view is drawn from the API's answers for the signed-in credential.

import * as session from './session.js';
import * as shell from './shell.js';
import {h} from './dom.js';
import {showSignIn} from './views/sign-in.js';
import {showOverview} from './views/overview.js';
import {showTenants} from './views/tenants.js';
import {showPlans} from './views/plans.js';
import {showKeys} from './views/keys.js';
import {showUsers} from './views/users.js';
import {showAllowlist} from './views/allowlist.js';
import {showUsage} from './views/usage.js';

const VIEWS = {
    '': showOverview,
    tenants: showTenants,
    plans: showPlans,
    keys: showKeys,
    users: showUsers,
    allowlist: showAllowlist,
    usage: showUsage,
};

const main = document.getElementById('main');
let drawing = 0;
let signOutProblem = null;
let signedOutByRequest = false;

function route() {
    const match = /^#\/([a-z-]*)/.exec(location.hash);
    return match ? match[1] : '';
}

/** Draws the view of the current route; a view still loading when another is asked for is dropped. */
async function draw({focus = false} = {}) {
    const credential = session.current();
    const name = route();
    shell.update(credential, name);
    const number = ++drawing;
    main.setAttribute('aria-busy', 'true');
    delete main.dataset.ready;
    main.replaceChildren();
    const view = credential === null ? showSignIn : VIEWS[name] ?? notFound;
    main.dataset.view = credential === null ? 'sign-in' : name || 'overview';
    const context = {
        isCurrent: () => number === drawing,
        problem: signOutProblem,
        signedOutByRequest,
    };
    try {
        await view(main, context);
    } finally {
        if (context.isCurrent()) {
            main.dataset.ready = 'true';
            main.removeAttribute('aria-busy');
            if (focus) {
                (main.querySelector('h1') ?? main).focus();
            }
        }
    }
}

function notFound(container) {
    container.append(h('h1', {tabindex: -1}, 'No such page'), h('p', {}, h('a', {href: '#/'}, 'Go to the overview')));
}

/** Where a role starts: the page it most likely came for. */
function landing(credential) {
    if (session.can('platform_admin')) {
        return 'tenants';
    }
    return session.can('admin') ? 'keys' : '';
}

session.onChange((credential, {what, problem}) => {
    signOutProblem = what === 'signed-out' ? problem : null;
    signedOutByRequest = what === 'signed-out' && problem === null;
    if (what === 'signed-in' && route() === '') {
        history.replaceState(null, '', `#/${landing(credential)}`);
    }
    // Switching the environment keeps the focus on the switch; everything else starts at the page's heading.
    draw({focus: what !== 'environment'});
});

window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/') || location.hash === '') {
        draw({focus: true});
    }
});

// The skip link's own target would be read as a route.
document.getElementById('skip-link').addEventListener('click', event => {
    event.preventDefault();
    main.focus();
});

draw();
