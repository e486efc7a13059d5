def f(r):
    g=lambda k: float(r[k])
    m=g('msrp'); lm=np.log(max(m,1e-4)/max(1-m,1e-4))
    cov=(g('cov_or'),g('cov_ro')); unit=(g('unit_or'),g('unit_ro'))
    lcov=(g('lcov_or'),g('lcov_ro')); lunit=(g('lunit_or'),g('lunit_ro'))
    uw=(np.log1p(g('lunitw_or')),np.log1p(g('lunitw_ro')))
    pos=abs(g('pos_o')-g('pos_r'))
    ns,no,nr=g('num_shared'),g('num_o'),g('num_r')
    return [lm, max(cov),min(cov),max(unit),min(unit),max(lcov),min(lcov),max(lunit),min(lunit),
            max(lunit)*min(uw), max(lcov)**2, pos, np.log1p(g('w_o')), np.log1p(g('w_r')),
            np.log1p(ns), float(ns==0 and no>0 and nr>0), np.log1p(min(no,nr)), float(ns==0 and no>=2 and nr>=2)]
