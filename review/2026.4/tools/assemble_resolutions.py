"""Build resolutions.json from the two blind judgements (and third readings) of every prediction."""
import json, re, sys, collections
import pathlib; J=str(pathlib.Path(__file__).resolve().parents[1]); D=str(pathlib.Path(__file__).resolve().parents[3] / 'src' / 'aiforecasts' / 'data')
AS_OF='2026-12-07'
P={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/in/predictions.jsonl')}
packs={}
for s in ('1a','1b','2a','2b'):
    for l in open(f'{J}/in/judge_set{s}.jsonl'):
        r=json.loads(l); packs[r['id']]=r
def load(pattern):
    out={}
    for s in ('1a','1b','2a','2b'):
        try:
            for l in open(pattern.format(s)):
                if l.strip(): r=json.loads(l); out[r['id']]=r
        except FileNotFoundError: pass
    return out
A=load(J+'/out/judge_a_{}.jsonl'); B=load(J+'/out/judge_b_{}.jsonl')
try:
    C={json.loads(l)['id']:json.loads(l) for l in open(f'{J}/out/third_verdicts.jsonl') if l.strip()}
except FileNotFoundError:
    C={}
old={r['prediction']:r for r in json.load(open(f'{D}/resolutions.json'))['records']}
preds={p['id']:p for p in json.load(open(f'{D}/predictions.json'))['records']}

def item_of(pack, judge, ref, others=None):
    if isinstance(ref,int) or (isinstance(ref,str) and ref.isdigit()):
        it=dict(pack['dossier'][int(ref)]); key=('d',int(ref))
    else:
        m=re.fullmatch(r'(?:([ab]):)?x(\d+)', str(ref)); assert m, (pack['id'], judge['id'], ref)
        source=judge if m.group(1) is None else others[m.group(1)]
        it=dict(source['new_items'][int(m.group(2))]); key=('x',it['url'],it['quote'])
    return key, it

# Quotes over the 600-character limit: the whole sentences that bear on the verdict.
TRIM={'https://towardsai.net/p/artificial-intelligence/tai-132-deepseek-v3-10x-improvement-in-both-training-and-inference-cost-for-frontier-llms':(2,2),
      'https://nemati.ai/en/blog/is-the-ai-industry-profitable-yes-just-not-where-youre-looking':(0,2),
      'https://www.folioapp.co.uk/story/8?date=2026-06-20':(0,2)}
def _trim(url, q):
    if len(q)<=600: return q
    first,count=TRIM[url]
    parts=re.split(r'(?<=[.!?])\s+(?=[A-Z])', q)
    new=' '.join(parts[first:first+count]); assert new in q and len(new)<=600
    return new
def evidence_item(it):
    pub=it.get('published')
    if pub and not re.fullmatch(r'\d{4}-\d{2}-\d{2}', pub): pub=None
    title=it.get('title')
    return {'url':it['url'],'publisher':it['publisher'],'publisher_kind':it['publisher_kind'],
            'quote':_trim(it['url'],it['quote']),'read':AS_OF,'title':title or None,'published':pub,'language':it.get('language')}

def span_of(d):
    """decided: {'date': 'YYYY-MM-DD'|'YYYY-MM'|'YYYY'}"""
    if not d or not d.get('date'): return None
    t=d['date']
    import calendar
    if re.fullmatch(r'\d{4}-\d{2}-\d{2}',t):
        import datetime
        day=datetime.date.fromisoformat(t)
        return {'start':t,'end':t,'precision':'day','label':f'{day.day} {day.strftime("%B")} {day.year}','certainty':'stated','relation':'in','text':None,'reason':None}
    if re.fullmatch(r'\d{4}-\d{2}',t):
        y,m=map(int,t.split('-')); last=calendar.monthrange(y,m)[1]
        import datetime
        return {'start':f'{t}-01','end':f'{t}-{last:02d}','precision':'month','label':datetime.date(y,m,1).strftime('%B %Y'),'certainty':'stated','relation':'in','text':None,'reason':None}
    if re.fullmatch(r'\d{4}',t):
        return {'start':f'{t}-01-01','end':f'{t}-12-31','precision':'year','label':t,'certainty':'stated','relation':'in','text':None,'reason':None}
    raise ValueError(t)

NUMS=r'\d{1,2}\b(?:\s*(?:,|and|–|-|to)\s*\d{1,2}\b)*'
ONE=r'(?:(?:[ab]:)?x\d+|\d{1,2})'
REF=re.compile(r'\b(?:[Dd]ossier\s+)?(?:[Ii]tems?|[Dd]ossier)\s+(?P<list>'+NUMS+r')'
               r'|(?P<open>[\(\[])(?P<plist>'+ONE+r'(?:\s*,\s*'+ONE+r')*)(?P<close>[\)\]])'
               r'|(?P<semi>\()(?P<slist>'+ONE+r'(?:\s*,\s*'+ONE+r')*);'
               r'|\b(?P<x>(?:[ab]:)?x\d+)\b')
def _numbers(text):
    out=[]
    for part in re.split(r'\s*(?:,|and)\s*', text.strip()):
        m=re.fullmatch(r'(\d+)\s*(?:–|-|to)\s*(\d+)', part)
        if m: out+=list(range(int(m.group(1)), int(m.group(2))+1))
        elif part.isdigit(): out.append(int(part))
        else: return None
    return out
def _refs(m, size, judge):
    """The references a match names (dossier numbers or xN labels), or None if it is no reference."""
    if m.group('list'):
        nums=_numbers(m.group('list'))
        return nums if nums and all(n<size for n in nums) else None
    if m.group('x'):
        return [m.group('x')]
    parts=[x.strip() for x in (m.group('plist') or m.group('slist')).split(',')]
    refs=[]
    for x in parts:
        if x.isdigit() and int(x)<size: refs.append(int(x))
        elif re.fullmatch(r'(?:[ab]:)?x\d+', x): refs.append(x)
        else: return None
    return refs
PLAIN=[(r"\b([\w-]+)'s dossier\b", r"the pages gathered for \1"),
       (r"\b[Tt]he dossier's items\b", "the pages gathered"),
       (r"\b[Tt]he dossier items\b", "the pages gathered"),
       (r"\b[Tt]he dossier's\b", "the gathered pages'"),
       (r"\b[Tt]he dossier\b", "the pages gathered"),
       (r"\bdossier\b", "gathered pages"),
       (r"\(\[([\d, ]+)\]\)", r"[\1]"),
       (r"\(\[([\d, ]+)\], ", r"([\1], ")]
def _plain(text):
    """The judges' word for the evidence they were given, in a reader's words."""
    for old, new in PLAIN:
        text=re.sub(old, new, text)
    return text
_CHILD=re.compile(r'^(?:Children as judged now:|Child [a-z0-9-]+:)')
def _without_children(text):
    """A parent's rationale without the deciding judge's own list of its children's verdicts
    (the judge's reading, kept in the judgement): the closing list gives them as they are."""
    sentences=re.split(r'(?<=\.)\s+(?=[A-Z(])', text)
    return ' '.join(x for x in sentences if not _CHILD.match(x))
TABLE_NOTE=('Quotes from openlm.ai are rows of its copy of the LMSYS Chatbot Arena leaderboard, '
            'verbatim as the stored page shows them, the columns run together (rank, model, '
            'Arena score, confidence interval, votes, organisation, licence).')
out=[]; problems=[]
for pid in P:
    pack=packs[pid]; a=A.get(pid); b=B.get(pid)
    if a is None or b is None:
        problems.append(f'{pid}: missing judgement'); continue
    c=C.get(pid) if a['verdict']!=b['verdict'] else None
    if a['verdict']!=b['verdict'] and c is None:
        problems.append(f'{pid}: disagreement not settled ({a["verdict"]} vs {b["verdict"]})'); continue
    deciding = c if c is not None else a
    items=[]; keys={}
    def cite(judge, refs):
        idx=[]
        for ref in refs:
            key,it=item_of(pack, judge, ref, {'a':a,'b':b})
            if key not in keys:
                keys[key]=len(items); items.append(evidence_item(it))
            if keys[key] not in idx: idx.append(keys[key])
        return idx
    # the deciding reading's items first, so the evidence opens with what settles it
    order=[deciding]+[j for j in (a,b) if j is not deciding]
    cites={id(j):cite(j,j.get('cites') or []) for j in order}
    # items a reason names without citing them are kept too, so every reference resolves
    reasons={}
    for j in order:
        text=j['reason']
        def swap(m, j=j):
            refs=_refs(m, len(pack['dossier']), j)
            if refs is None: return m.group(0)
            idx=cite(j, refs)
            inner=', '.join(str(i+1) for i in idx)
            return f'([{inner}];' if m.group('semi') else f'[{inner}]'
        reasons[id(j)]=_plain(REF.sub(swap, text))
    verdict=deciding['verdict']
    judgements=[{'judge':'a','verdict':a['verdict'],'reason':reasons[id(a)],'cites':cites[id(a)]},
                {'judge':'b','verdict':b['verdict'],'reason':reasons[id(b)],'cites':cites[id(b)]}]
    if c is not None:
        judgements.append({'judge':'c','verdict':c['verdict'],'reason':reasons[id(c)],'cites':cites[id(c)]})
    for j in judgements:
        if j['verdict'] in ('came_true','partly','did_not','annulled') and not j['cites']:
            problems.append(f"{pid}: judge {j['judge']} {j['verdict']} cites nothing")
    decided=span_of(deciding.get('decided')) if verdict in ('came_true','partly','did_not','annulled') else None
    rec={'id':old[pid]['id'],'prediction':pid,'verdict':verdict,'as_of':AS_OF,
         'rationale':_without_children(reasons[id(deciding)]),'evidence':items if verdict not in ('too_vague',) or items else [],
         'decided':decided,'parts_held':deciding.get('parts_held') if verdict=='partly' else None,
         'observed':None,'observed_money':None,'observed_basis':None,'judgements':judgements,'note':None}
    obs=deciding.get('observed')
    tgt=preds[pid].get('target')
    if obs and tgt and verdict in ('came_true','partly','did_not','not_yet_due'):
        if tgt.get('money'):
            from decimal import Decimal
            amount=Decimal(obs['value'])
            if amount < 1_000_000:  # the judges wrote money in billions ("88.2")
                amount*=Decimal(1_000_000_000)
            rec['observed_money']={'amount':str(amount.quantize(Decimal(1))),'currency':obs.get('currency') or 'USD','high':None,'qualifier':'exact'}
        else:
            rec['observed']={'value':obs['value'],'unit':obs.get('unit') or tgt['value']['unit'],'high':None,'qualifier':'exact'}
        rec['observed_basis']=tgt.get('basis')
    kinds={items[i]['publisher_kind'] for i in set(i for j in judgements if j['verdict']==verdict for i in j['cites'])}
    notes=[]
    if kinds and kinds=={'aggregator'} and verdict in ('came_true','partly','did_not','annulled'):
        notes.append('Every page this verdict cites is an aggregator or re-post; no primary source or news outlet with reporting of its own was found in the stored pages.')
    if any(it['url'].startswith('https://openlm.ai/') for it in items):
        notes.append(TABLE_NOTE)
    rec['note']=' '.join(notes) or None
    out.append(rec)
# A parent's rationale names its children's verdicts as they are now.
verdicts={r['prediction']:r['verdict'] for r in out}
children={}
for pid,p in preds.items():
    if p.get('parent'): children.setdefault(p['parent'],[]).append(pid)
for r in out:
    kids=children.get(r['prediction'])
    if kids:
        named='; '.join(f"{k} ({verdicts[k].replace('_',' ')})" for k in kids)
        r['rationale']=r['rationale'].rstrip()+f' Its sub-predictions: {named}.'
print('\n'.join(problems)); print(len(out),'assembled', collections.Counter(r['verdict'] for r in out))
if '--write' in sys.argv and not problems:
    doc=json.load(open(f'{D}/resolutions.json')); doc['records']=out
    open(f'{D}/resolutions.json','w').write(json.dumps(doc,ensure_ascii=False,indent=2,sort_keys=True)+'\n')
